// Files that travel with agency copy but are none: a folder's README, licence or changelog, and
// Markdown notes, and answer keys (expected.json, as in shared/wire and lib/wire/corpus). Ingested
// as copy they would become drafts of prose about the feed.
const DOCUMENTATION = /^(?:readme|licen[cs]e|changelog|changes|authors|contributing)(?:\.[a-z0-9]+)?$|\.(?:md|markdown)$|^expected\.json$/i;

/** Why a file by this name is not taken as wire copy, or null when it is. */
export function notWireCopy(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return DOCUMENTATION.test(base) ? "not wire copy (a documentation file or answer key), skipped" : null;
}
