import { z } from "zod";
import { textSchema } from "@/lib/text-input";

// The wire desk's inputs, shared by the desk page, its server actions, the API and the tests.

export const deskStates = ["new", "seen", "taken", "dismissed"] as const;
export type DeskState = (typeof deskStates)[number];
export const wirePriorities = ["flash", "bulletin", "urgent", "routine"] as const;

/** A desk queue's name, as a source's rule routes to it ("" or absent: the general queue). */
export const deskNameSchema = textSchema().max(40, "A desk name has at most 40 characters");

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { message: `${what} must be one of ${values.join(", ")}` });

/**
 * What the queue shows: every field optional, all of them together (AND). Absent state shows
 * everything but what was dismissed. Query strings and saved filters are read by this one schema.
 */
export const queueFilterSchema = z.object({
  state: oneOf(deskStates, "state").optional(),
  agency: textSchema().max(40, "An agency has at most 40 characters").optional(),
  priority: oneOf(wirePriorities, "priority").optional(),
  category: textSchema().max(40, "A category has at most 40 characters").optional(),
  source: z.uuid({ message: "source must be a source id" }).optional(),
  desk: deskNameSchema.optional(),
  q: textSchema().max(200, "Search for at most 200 characters").optional(),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const queuePageSchema = queueFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: "limit must be a number" }).int().min(1, "limit must be 1 or more").max(100, "limit must be 100 or less").default(50),
});

/** The query string's fields, blanks dropped (a form's empty select sends "agency="). */
export function queueQueryOf(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ["state", "agency", "priority", "category", "source", "desk", "q", "cursor", "limit"]) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") query[key] = value;
  }
  return query;
}

export const savedFilterSchema = z.object({
  desk: deskNameSchema.default(""),
  name: textSchema().min(1, "Name the filter").max(60, "A filter's name has at most 60 characters"),
  query: queueFilterSchema,
});
