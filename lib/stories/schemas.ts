import { z } from "zod";
import { sanitizeBody, bodyText } from "@/lib/stories/sanitize-body";
import { MAX_MARKUP_DEPTH, nestsTooDeep } from "@/lib/html/markup-depth";
import { slugPattern } from "@/lib/stories/make-slug";
import { isUuid } from "@/lib/ids";
import { cleanText, hasNoNul, NUL_MESSAGE, optionalTextSchema, textSchema } from "@/lib/text-input";
import { calendarDateSchema, instantSchema } from "@/lib/validation";

export const storyStatuses = ["draft", "in_review", "scheduled", "published", "unpublished", "killed"] as const;
export type StoryStatus = (typeof storyStatuses)[number];
export const tagTypes = ["person", "place", "organisation", "topic"] as const;
export type TagType = (typeof tagTypes)[number];

const optionalText = optionalTextSchema;

/** A tag's name: up to 80 characters, at least one of them a letter or a digit (not only marks or invisible ones). */
export const tagNameSchema = textSchema({ message: "A tag needs a name" })
  .min(1, "A tag needs a name")
  .max(80, "At most 80 characters")
  .regex(/[\p{L}\p{N}]/u, "A tag's name needs at least one letter or digit");

/** A tag as a name ("BRICS") or a typed object ({ name, type }); errors point at the exact field. */
export const tagRefSchema = z.preprocess(
  (value) => (typeof value === "string" ? { name: value } : value),
  z.object({
    name: tagNameSchema,
    type: z.enum(tagTypes, { message: "Type must be person, place, organisation or topic" }).optional(),
  }),
);
export type TagRef = z.output<typeof tagRefSchema>;

export const datelineSchema = z.object({
  location: optionalText(80),
  country: optionalText(80),
  date: calendarDateSchema().nullish().transform((value) => value ?? null),
});

/**
 * Sanitised on the way in: whatever is sent, only the allowed markup is ever stored. Cleaned of
 * control characters before (they are no markup) and after (a character reference such as
 * `&#1;` becomes the character itself in the sanitiser's output).
 */
const bodySchema = z
  .string({ message: "Body is required" })
  .max(1_000_000, "The body is too long (1 MB at most)")
  .refine(hasNoNul, { message: NUL_MESSAGE, abort: true })
  .refine((html) => !nestsTooDeep(html), { message: `The body nests its markup more than ${MAX_MARKUP_DEPTH} levels deep`, abort: true })
  .transform((html) => cleanText(sanitizeBody(cleanText(html, { multiline: true })), { multiline: true }))
  .refine((html) => bodyText(html).length > 0, "Body is required");

const storyFields = {
  headline: textSchema({ message: "Headline is required" }).min(1, "Headline is required").max(300, "At most 300 characters"),
  standfirst: textSchema().max(600, "At most 600 characters").nullish().transform((value) => value ?? ""),
  body: bodySchema,
  // Search and social: the standfirst and the headline stand in when these are empty.
  metaDescription: textSchema().max(300, "At most 300 characters (search engines show about 155)").nullish().transform((value) => value ?? ""),
  socialHeadline: textSchema().max(200, "At most 200 characters").nullish().transform((value) => value ?? ""),
  byline: optionalText(200),
  agency: optionalText(40),
  credits: optionalText(500),
  dateline: datelineSchema.optional(),
  slug: textSchema()
    .toLowerCase()
    .max(80, "At most 80 characters")
    .regex(slugPattern, "Use lower-case letters, digits and single hyphens")
    .nullish()
    .or(z.literal("").transform(() => null)),
  tags: z.array(tagRefSchema).max(30, "At most 30 tags").optional(),
  embargoUntil: instantSchema().nullish(),
  // The picture the story leads with, from the media library (null: none).
  leadImage: z
    .object({ id: z.string({ message: "A picture's id" }).refine(isUuid, "A picture's id (a UUID) from the media library") }, { message: "Give the picture as { id }, or null for none" })
    .strict()
    .nullish(),
};

export const createStorySchema = z.object(storyFields);
export type CreateStoryInput = z.input<typeof createStorySchema>;

// A story's version is a PostgreSQL integer: a larger number can name no version held.
const versionField = z
  .number({ message: "version is required: send the version your change is based on" })
  .int("version is a whole number")
  .positive("version is a whole number from 1")
  .max(2_147_483_647, "No story has that version: send the version your change is based on");

export const updateStorySchema = z
  .object({
    version: versionField,
  })
  .extend(
    Object.fromEntries(Object.entries(storyFields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof storyFields]: z.ZodOptional<(typeof storyFields)[K]>;
    },
  )
  .extend({
    // A meaningful update of a story readers have seen: the article says "Updated …" (lib/stories/mark-updated.ts).
    markAsUpdate: z.boolean({ message: "markAsUpdate is true or false" }).optional(),
  });
export type UpdateStoryInput = z.input<typeof updateStorySchema>;

/**
 * A draft of changes to a live story: the change, the story version it was based on, and when the
 * draft it started from was saved (null when there was none), so no draft overwrites another.
 */
export const draftChangesSchema = updateStorySchema.extend({
  draftSavedAt: instantSchema("Send the draftSavedAt of the draft your change is based on, or null").nullish().transform((value) => value ?? null),
});
export type DraftChangesInput = z.input<typeof draftChangesSchema>;

/** PATCH /api/v1/stories/{id}: `asDraft: true` saves the change as a draft of changes. */
export const patchModeSchema = z.object({ asDraft: z.boolean({ message: "asDraft is true or false" }).optional() });

/** Publishing or discarding a stored draft names the story version and the draft it saw. */
export const draftDecisionSchema = z.object({ version: versionField }).extend({ draftSavedAt: draftChangesSchema.shape.draftSavedAt });

/** A revision number in a path: a whole number from 1. */
export const revisionNumberSchema = z.string().regex(/^[1-9]\d{0,8}$/, "A revision number is a whole number from 1").transform(Number);

/** Restoring a revision carries the version of the story the editor saw, like any save. */
export const restoreRevisionSchema = z.object({ version: versionField });

export const publishStorySchema = z.object({
  at: instantSchema().optional(),
});

/** A query parameter left empty (`?tag=`) means no filter, as if it were not sent. */
const filter = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
const newsroomDate = calendarDateSchema("Use a date such as 2023-12-27 (a day in the newsroom's time zone)");

export const listStoriesQuerySchema = z
  .object({
    status: filter(z.enum(storyStatuses, { message: `Status must be one of ${storyStatuses.join(", ")}` })),
    tag: filter(textSchema().max(80, "At most 80 characters")),
    author: filter(textSchema().refine(isUuid, "An author is a user's id (a UUID)")),
    updatedFrom: filter(newsroomDate),
    updatedTo: filter(newsroomDate),
    q: filter(textSchema().max(200, "At most 200 characters")),
    cursor: filter(textSchema().max(300, "Not a valid cursor")),
    limit: filter(z.coerce.number().int().min(1).max(100)).transform((value) => value ?? 25),
  })
  .refine((query) => !query.updatedFrom || !query.updatedTo || query.updatedFrom <= query.updatedTo, {
    path: ["updatedTo"],
    message: "The last day comes before the first",
    // Only once both dates are readable: a bad date already has its own message.
    when: (payload) => payload.issues.length === 0,
  });
export type ListStoriesQuery = z.input<typeof listStoriesQuerySchema>;

/** The story form's fields, mapped to the API's input shape so both share one schema. */
export function storyInputFromForm(form: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : undefined;
  };
  const json = (key: string, fallback: string) => {
    try {
      return JSON.parse(text(key) || fallback) as unknown;
    } catch {
      return "invalid";
    }
  };
  const tags = json("tags", "[]");
  const version = text("version");
  return {
    ...(version ? { version: Number(version) } : {}),
    headline: text("headline"),
    standfirst: text("standfirst"),
    metaDescription: text("metaDescription"),
    socialHeadline: text("socialHeadline"),
    body: text("body") ?? "",
    byline: text("byline"),
    agency: text("agency"),
    credits: text("credits"),
    slug: text("slug"),
    dateline: { location: text("datelineLocation"), country: text("datelineCountry"), date: text("datelineDate") || null },
    tags,
    // The lead picture as { id } or null; a form without the field leaves the story's as it is.
    ...(form.has("leadImage") ? { leadImage: json("leadImage", "null") } : {}),
    ...(form.get("markAsUpdate") === "1" ? { markAsUpdate: true } : {}),
  };
}
