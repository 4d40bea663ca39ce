import { z } from "zod";
import { tagNameSchema, tagTypes } from "@/lib/stories/schemas";
import { textSchema } from "@/lib/text-input";

export const renameTagSchema = z.object({ name: tagNameSchema });
export type RenameTagInput = z.input<typeof renameTagSchema>;

/** The surviving tag: its id, or (for people at a keyboard) its slug. */
export const mergeTagsSchema = z.object({
  into: textSchema({ message: "Name the tag to merge into (its id or slug)" }).min(1, "Name the tag to merge into (its id or slug)").max(200, "At most 200 characters"),
});
export type MergeTagsInput = z.input<typeof mergeTagsSchema>;

export const listTagsQuerySchema = z.object({
  // Matched against the start of the tag's slug, which is its name in URL form ("São P" finds São Paulo).
  q: textSchema().max(80, "At most 80 characters").optional(),
  type: z.enum(tagTypes, { message: "Type must be person, place, organisation or topic" }).optional(),
  cursor: textSchema().max(200, "Not a valid cursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTagsQuery = z.input<typeof listTagsQuerySchema>;

export const changeTagTypeSchema = z.object({
  type: z.enum(tagTypes, { message: "Type must be person, place, organisation or topic" }),
});
export type ChangeTagTypeInput = z.input<typeof changeTagTypeSchema>;
