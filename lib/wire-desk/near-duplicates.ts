// Near-duplicate copy: the same event filed by several agencies, or one agency's copy rewritten by
// another, grouped on the desk as one cluster. MinHash estimates the Jaccard similarity of two
// texts' word shingles from 64 numbers each, and locality-sensitive hashing of those numbers in
// bands finds the candidates through an index (the GIN index on "WireItem"."lshBands"), so that a
// new item is compared with a handful of others, not with a million.
//
// Written here rather than taken from npm: the MinHash packages there (minhash, @agtabesh/lsh)
// are unmaintained since 2019 or keep their index in memory, and what is needed is 40 lines of
// arithmetic whose output must stay stable across releases (it is stored with every item).

/** Signature length: the estimate's standard error is about 1/√64 ≈ 0.06. */
export const MINHASH_SIZE = 64;
/**
 * 16 bands of 2 rows, from the signature's first 32 hashes: a pair at similarity 0.4 becomes a
 * candidate 94% of the time, at 0.5 99%, at 0.2 49%. Each band is an index entry to write and to
 * look up: at a million items held the index outgrows memory, and every band then costs a page
 * read, so 16 and not 32 (11 ms a lookup with 32 on this machine, with PostgreSQL's default 128 MB
 * of shared buffers). The similarity itself is estimated from all 64.
 */
const ROWS_PER_BAND = 2;
export const BANDS = 16;
/** Estimated similarity from which two items are one cluster. */
export const SAME_EVENT_SIMILARITY = 0.4;
/** Below this many shingles a text says too little to be matched with another (a one-line flash). */
const MIN_SHINGLES = 8;

// Words that every story shares: shingles of them would make every text a candidate of every other.
const STOPWORDS = new Set(
  "a an and are as at be been but by for from had has have he her his in is it its of on or said says she that the their they this to was were which who will with would".split(" "),
);

/** The murmur3 finaliser: a fast 32-bit mix whose output bits each depend on every input bit. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a of a string: the shingle's hash before the 64 permutations. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// One seed per permutation, fixed forever: signatures are stored.
const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x7f4a7c15));

/** The content words of a text, in order: lower case, letters and digits, no stopwords. */
function contentWords(text: string): string[] {
  return (text.toLocaleLowerCase("en").match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 1 && !STOPWORDS.has(word));
}

/**
 * The MinHash signature of a text's two-word shingles (64 signed 32-bit integers, as PostgreSQL's
 * integer[] holds them), or null for a text too short to be compared.
 */
export function minhashOf(text: string): number[] | null {
  const words = contentWords(text);
  const shingles = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) shingles.add(hashString(`${words[i]} ${words[i + 1]}`));
  if (shingles.size < MIN_SHINGLES) return null;
  const signature = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const value = mix32(shingle ^ SEEDS[i]);
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature.map((value) => value | 0);
}

/**
 * The signature's band hashes: two items sharing any one are candidates. Each band's number is in
 * the high bits, so equal rows in different bands never collide.
 */
export function bandsOf(signature: number[]): bigint[] {
  const bands: bigint[] = [];
  for (let band = 0; band < BANDS; band++) {
    let hash = mix32(band + 1);
    for (let row = 0; row < ROWS_PER_BAND; row++) hash = mix32(hash ^ signature[band * ROWS_PER_BAND + row]);
    bands.push((BigInt(band) << 32n) | BigInt(hash));
  }
  return bands;
}

/** The estimated Jaccard similarity of the two texts' shingles: the share of equal positions. */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== MINHASH_SIZE || b.length !== MINHASH_SIZE) return 0;
  let equal = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / MINHASH_SIZE;
}
