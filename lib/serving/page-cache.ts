import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { isStale, type StalePaths } from "@/lib/cache/page-paths";

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
};

// Bodies under this size are sent as they are: gzip would save less than it costs.
const GZIP_MIN_BYTES = 1024;

export function cachedPage(status: number, headers: Record<string, string>, body: Buffer, at = new Date()): CachedPage {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  // Copied out: zlib's result is a view of a larger chunk, which the cache would otherwise hold whole.
  const gzip = body.length >= GZIP_MIN_BYTES ? Buffer.from(gzipSync(body, { level: 6 })) : null;
  return { status, headers, body, gzip, etag, lastModified: at.toUTCString(), size: body.length + (gzip?.length ?? 0), storedAt: at.getTime() };
}

/**
 * The reader responses of one app instance, by path, least recently used first out when the
 * byte budget is spent. Every change to what readers see bumps `generation`: a render that
 * started before a change is served to its own request but never stored, so a page cached
 * after a change is always one rendered after it.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;
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

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page && now - page.storedAt > this.maxAgeMs) {
      this.remove(key);
      return undefined;
    }
    if (page) {
      // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
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

  /** Drops the pages a change made stale (or all of them), and turns away renders already under way. */
  expire(stale: StalePaths | "all"): number {
    this.generation++;
    if (stale === "all") {
      const count = this.pages.size;
      this.pages.clear();
      this.bytes = 0;
      return count;
    }
    let count = 0;
    for (const key of [...this.pages.keys()]) {
      if (isStale(key, stale)) {
        this.remove(key);
        count++;
      }
    }
    return count;
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
