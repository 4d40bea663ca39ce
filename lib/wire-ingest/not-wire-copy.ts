// Files that travel with agency copy but are none: a folder's README, licence or changelog, and
// Markdown notes; and answer keys (expected.json, as in shared/wire and lib/wire/corpus). Ingested
// as copy they would become drafts of prose about the feed.
const DOCUMENTATION = /^(?:readme|licen[cs]e|changelog|changes|authors|contributing)(?:\.[a-z0-9]+)?$|\.(?:md|markdown)$/i;
const ANSWER_KEY = /^expected\.json$/i;
const PICTURE = /\.(?:jpe?g|png|webp|avif|heic|heif|gif|tiff?)$/i;

/** Whether the file is a picture: one that travels beside the item that names it (NINJS renditions by path), never copy itself. */
export const isPictureFile = (fileName: string) => PICTURE.test(fileName);

/** Why a file by this name is not taken as wire copy, or null when it is. */
export function notWireCopy(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (DOCUMENTATION.test(base)) return "not wire copy (a documentation file), skipped";
  if (isPictureFile(base)) return "not wire copy (a picture: read by the item that names it), skipped";
  return ANSWER_KEY.test(base) ? "not wire copy (an answer key), skipped" : null;
}
