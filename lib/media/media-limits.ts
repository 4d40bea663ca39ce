// The one home of the media library's limits. The largest upload is configured (MEDIA_MAX_MB,
// lib/env.ts); these are not.

/** Pixels a picture may have: a 61-megapixel camera's frames fit; a "decompression bomb" (a tiny file claiming 50,000 × 50,000) does not. */
export const MAX_PIXELS = 64_000_000;
/** How long one decode or encode may take before it is abandoned (a file built to be slow to decode). */
export const IMAGE_SECONDS = 30;

/** The longest each text of a picture may be, in characters. */
export const MEDIA_TEXT_MAX = { filename: 255, caption: 2000, credit: 300, byline: 300, copyright: 500, alt: 500 } as const;

/** A page of the library. */
export const MEDIA_PAGE_DEFAULT = 30;
export const MEDIA_PAGE_MAX = 100;
