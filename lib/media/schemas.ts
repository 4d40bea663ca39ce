import { z } from "zod";
import { textSchema } from "@/lib/text-input";
import { instantSchema } from "@/lib/validation";
import { MEDIA_PAGE_DEFAULT, MEDIA_PAGE_MAX, MEDIA_TEXT_MAX } from "@/lib/media/media-limits";

const limited = (max: number, options: { multiline?: boolean } = {}) => textSchema({ multiline: options.multiline }).max(max, `At most ${max} characters`);
const fraction = z.number({ message: "A fraction of the picture from 0 to 1" }).min(0, "From 0 to 1").max(1, "From 0 to 1");

/** What an editor may change of a picture (all optional; the focal point moves the crops). */
export const updateMediaSchema = z
  .object({
    caption: limited(MEDIA_TEXT_MAX.caption, { multiline: true }),
    credit: limited(MEDIA_TEXT_MAX.credit),
    byline: limited(MEDIA_TEXT_MAX.byline),
    copyright: limited(MEDIA_TEXT_MAX.copyright),
    alt: limited(MEDIA_TEXT_MAX.alt),
    focalPoint: z.object({ x: fraction, y: fraction }, { message: "Give x and y, each from 0 to 1" }).strict(),
  })
  .partial()
  .strict();
export type UpdateMediaInput = z.input<typeof updateMediaSchema>;

/** The library's list: newest first, by words of the caption, credit or filename, uploaded within dates. */
export const listMediaQuerySchema = z
  .object({
    q: limited(200).optional(),
    cursor: textSchema().max(200).optional(),
    from: instantSchema().optional(),
    to: instantSchema().optional(),
    limit: z.coerce.number({ message: "A whole number" }).int("A whole number").min(1, "At least 1").max(MEDIA_PAGE_MAX, `At most ${MEDIA_PAGE_MAX}`).default(MEDIA_PAGE_DEFAULT),
  })
  .strict();

/** An upload's query: the file's name as given (`?filename=`), its last segment, cleaned, with no path. */
export const uploadQuerySchema = z.object({
  filename: textSchema()
    .transform((value) => value.split(/[\\/]/).pop() ?? "")
    .pipe(z.string().max(MEDIA_TEXT_MAX.filename, `At most ${MEDIA_TEXT_MAX.filename} characters`)),
});
