import { createHash } from "node:crypto";
import { decodeWireBytes } from "@/lib/wire/read-input";
import { fetchFeed } from "@/lib/wire-sources/fetch-feed";
import { DEFAULT_MAX_ITEMS, DEFAULT_TIMEOUT_MS, type FetchedItem, type PollOptions, type PollResult } from "@/lib/wire-sources/poll-types";
import { readNinjsFeed } from "@/lib/wire-sources/read-ninjs-feed";
import { readSyndicationFeed } from "@/lib/wire-sources/read-syndication-feed";
import { seenEntries } from "@/lib/wire-sources/seen-entries";
import { secretsOf, SourceError } from "@/lib/wire-sources/source-error";
import type { HttpSource, SourceCredentials } from "@/lib/wire-sources/source-settings";

// A feed is polled, not pushed: each poll asks "anything since last time?" as cheaply as HTTP
// allows (If-None-Match / If-Modified-Since, so an unchanged feed costs a 304), and what the feed
// still lists from before is recognised by key and not handed over again. A paged feed (RFC 5005
// rel="next", a NINJS next_page) is followed up to 5 pages, and only while pages bring something
// new: older pages hold older entries. A feed has nothing to move or delete, so acks do nothing.

const MAX_PAGES = 5;
const ACCEPT: Record<HttpSource["format"], string> = {
  rss: "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1",
  atom: "application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1",
  ninjs: "application/json, */*;q=0.1",
  newsml: "application/vnd.iptc.g2.newsitem+xml, application/vnd.iptc.g2.newsmessage+xml, application/xml;q=0.9, */*;q=0.1",
};

type HttpState = { etag?: string; lastModified?: string; seen?: string[]; hash?: string; behind?: boolean };

function savedState(state: unknown): HttpState {
  if (typeof state !== "object" || state === null) return {};
  const { etag, lastModified, seen, hash, behind } = state as Record<string, unknown>;
  return {
    etag: typeof etag === "string" ? etag : undefined,
    lastModified: typeof lastModified === "string" ? lastModified : undefined,
    seen: Array.isArray(seen) ? seen : undefined,
    hash: typeof hash === "string" ? hash : undefined,
    behind: behind === true,
  };
}

function authorization(credentials: SourceCredentials | null): Record<string, string> {
  if (!credentials) return {};
  if ("bearerToken" in credentials) return { authorization: `Bearer ${credentials.bearerToken}` };
  return { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}` };
}

const acked = async () => {};

function text(bytes: Buffer): string {
  try {
    return decodeWireBytes(bytes);
  } catch {
    throw new SourceError("The feed's answer is not text");
  }
}

/** One page's entries as the ingest takes them, and the next page's address. */
function readPage(format: HttpSource["format"], bytes: Buffer): { entries: { key: string; name: string; raw: string }[]; next: string | null } {
  if (format === "ninjs") return readNinjsFeed(text(bytes));
  const page = readSyndicationFeed(text(bytes));
  return { entries: page.entries.map(({ key, ninjs }) => ({ key, name: String(ninjs.uri), raw: JSON.stringify(ninjs) })), next: page.next };
}

/** The next page's address resolved against this one's, or null when it is not http(s) (or not an address). */
function pageUrl(next: string, base: string): string | null {
  try {
    const url = new URL(next, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Entries of a feed not given before (RSS and Atom entries as NINJS JSON), or a NewsML-G2 document that changed. */
export async function pollHttp(settings: Pick<HttpSource, "url" | "format">, credentials: SourceCredentials | null, state: unknown, options: PollOptions = {}): Promise<PollResult> {
  const saved = savedState(state);
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const request = {
    headers: { accept: ACCEPT[settings.format], "user-agent": "Dateline wire ingest" },
    credentialHeaders: authorization(credentials),
    secrets: secretsOf(credentials),
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const conditional: Record<string, string> = {};
  if (saved.etag) conditional["if-none-match"] = saved.etag;
  if (saved.lastModified) conditional["if-modified-since"] = saved.lastModified;

  let answer = await fetchFeed(settings.url, { ...request, headers: { ...request.headers, ...conditional } });
  if (answer.status === 304) return { items: [], state, notModified: true, pages: 1 };
  const validators = { etag: answer.headers.get("etag") ?? undefined, lastModified: answer.headers.get("last-modified") ?? undefined };

  if (settings.format === "newsml") {
    // The ingest splits a newsMessage into its items; here the document is one, unchanged or not.
    const hash = createHash("sha256").update(answer.bytes).digest("hex");
    const name = decodeURIComponent(new URL(answer.url).pathname.split("/").pop() || "newsml");
    const items: FetchedItem[] = hash === saved.hash ? [] : [{ name, raw: new Uint8Array(answer.bytes), ack: acked }];
    return { items, state: { ...validators, hash }, pages: 1 };
  }

  const seen = seenEntries(saved.seen);
  const items: FetchedItem[] = [];
  const visited = new Set([answer.url]);
  let pages = 0;
  let truncated = false;
  for (;;) {
    pages++;
    const { entries, next } = readPage(settings.format, answer.bytes);
    let fresh = 0;
    for (const entry of entries) {
      if (seen.has(entry.key)) {
        seen.add(entry.key); // still listed: keep it among the remembered
        continue;
      }
      if (items.length >= maxItems) {
        truncated = true;
        break;
      }
      seen.add(entry.key);
      fresh++;
      items.push({ name: entry.name, raw: entry.raw, ack: acked });
    }
    const nextUrl = next ? pageUrl(next, answer.url) : null;
    // After a poll cut short by maxItems, older pages may still hold entries never given.
    if (!nextUrl || truncated || pages >= MAX_PAGES || visited.has(nextUrl) || (fresh === 0 && !saved.behind)) break;
    visited.add(nextUrl);
    answer = await fetchFeed(nextUrl, request);
  }
  // Syndication feeds list the newest first; the desk should receive them in the order they were filed.
  if (settings.format !== "ninjs") items.reverse();
  // A poll cut short must not save validators: the next one would get a 304 and never see the rest.
  const nextState: HttpState = truncated ? { seen: seen.keys(), behind: true } : { ...validators, seen: seen.keys() };
  return { items, state: nextState, pages };
}
