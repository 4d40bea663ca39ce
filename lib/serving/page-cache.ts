import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { isStale } from "@/lib/cache/surrogate-keys";

/** One cached reader response, ready to send: the body as sent and gzipped, with its validators. */
export type CachedPage = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  lastModified: string;
  size: number;
  storedAt: number;
  /** Its surrogate keys (lib/cache/surrogate-keys.ts): a purge of any of them drops it. */
  keys: readonly string[];
};

// Bodies under this size are sent as they are: gzip would save less than it costs.
const GZIP_MIN_BYTES = 1024;

/**
 * A response ready to cache. `modifiedAt` is when its content last changed (a story's last edit,
 * the newest change among a list's stories), so every process and instance sends the same
 * Last-Modified for the same content; without one, the time it was made. `keys`: what it shows,
 * for purges (none: only an expiry of everything reaches it).
 */
export function cachedPage(
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  { modifiedAt = null, at = new Date(), keys = [] }: { modifiedAt?: Date | null; at?: Date; keys?: readonly string[] } = {},
): CachedPage {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  // Copied out: zlib's result is a view of a larger chunk, which the cache would otherwise hold whole.
  const gzip = body.length >= GZIP_MIN_BYTES ? Buffer.from(gzipSync(body, { level: 6 })) : null;
  const modified = modifiedAt && !Number.isNaN(modifiedAt.getTime()) && modifiedAt <= at ? modifiedAt : at;
  return { status, headers, body, gzip, etag, lastModified: modified.toUTCString(), size: body.length + (gzip?.length ?? 0), storedAt: at.getTime(), keys };
}

/** A cached page, and whether it can be sent as it is (`fresh`) or only when a new one cannot be made. */
export type CacheLookup = { page: CachedPage; fresh: boolean };

/**
 * The reader responses of one app instance, by path, least recently used first out when the
 * byte budget is spent. Every change to what readers see bumps `generation`: a render that
 * started before a change is served to its own request but never stored, so a page cached
 * after a change is always one rendered after it.
 *
 * A page is fresh until a change announced for it drops it, or until it is `maxAgeMs` old, or
 * until every page is marked stale at once (when the front could not hear changes for a while).
 * A stale page stays in memory (within the budget) to be served while a new one cannot be made:
 * stale-if-error, as CDNs do, so an unreachable database does not take down cached pages.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
  /** Pages stored before this instant are stale (set when changes may have been missed). */
  private staleBefore = 0;
  generation = 0;

  /**
   * `maxAgeMs` is a backstop, not the way pages are refreshed (changes are announced): it bounds
   * how long a page could outlive a lost notification, and keeps time-based pages (the news
   * sitemap's last 48 hours) moving when nothing is published.
   */
  constructor(
    private readonly maxBytes: number,
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  lookup(key: string, now = Date.now()): CacheLookup | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
    this.pages.delete(key);
    this.pages.set(key, page);
    return { page, fresh: page.storedAt >= this.staleBefore && now - page.storedAt <= this.maxAgeMs };
  }

  /** The page, only if it is fresh. */
  get(key: string, now = Date.now()): CachedPage | undefined {
    const found = this.lookup(key, now);
    return found?.fresh ? found.page : undefined;
  }

  /** Stores a page rendered since `generation`; refuses it if anything went stale meanwhile. */
  set(key: string, page: CachedPage, generation: number): boolean {
    if (generation !== this.generation || page.size > this.maxBytes / 4) return false;
    this.remove(key);
    this.pages.set(key, page);
    this.bytes += page.size;
    for (const [oldest, old] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(oldest);
      this.bytes -= old.size;
    }
    return true;
  }

  /**
   * Drops the pages carrying any of the keys a change made stale, and turns away renders already
   * under way. "all" (the front may have missed changes) keeps every page, marked stale: each is
   * made again on its next request, and served as it is only if that fails.
   */
  expire(stale: readonly string[] | "all", now = Date.now()): number {
    this.generation++;
    if (stale === "all") {
      // Strictly after every page stored so far, including one stored this very millisecond.
      this.staleBefore = now + 1;
      return this.pages.size;
    }
    const keys = new Set(stale);
    let count = 0;
    for (const [key, page] of [...this.pages]) {
      if (isStale(page.keys, keys)) {
        this.remove(key);
        count++;
      }
    }
    return count;
  }

  /** Forgets one key (its page became a 404, or the other way round). */
  delete(key: string) {
    this.remove(key);
  }

  get stats() {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private remove(key: string) {
    const old = this.pages.get(key);
    if (!old) return;
    this.pages.delete(key);
    this.bytes -= old.size;
  }
}
