import slugify from "slugify";

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 80;

/** A URL slug from a headline: lower case ASCII words joined by hyphens, cut at a word boundary. */
export function makeSlug(text: string): string {
  // "6.5%" reads better as 6-5-percent than 65percent.
  const spaced = text.replace(/(\d)[.,](\d)/g, "$1-$2").replace(/%/g, " percent ").replace(/&/g, " and ").replace(/[<>]/g, " ");
  const full = slugify(spaced, { lower: true, strict: true, trim: true, locale: "en" });
  if (full.length <= MAX_SLUG_LENGTH) return full || "story";
  const cut = full.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : full.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
}

/** The first of base, base-2, base-3 … that is not taken. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
