import { env } from "@/lib/env";
import { ALL_KEY, tagKey } from "@/lib/cache/surrogate-keys";
import { feedFormats, feedPath, siteFeedPrefix, tagFeedPrefix } from "@/lib/feeds/feed-paths";
import type { FeedDocument } from "@/lib/feeds/feed-document";
import { absoluteUrl } from "@/lib/site/urls";

// WebSub (W3C Recommendation): the feeds name a hub (WEBSUB_HUB_URL) beside their self link, and
// the hub is told which feeds changed (hub.mode=publish), by a job recorded with the change
// (lib/outbox/reader-change.ts), so subscribers get a story in seconds rather than at their next poll.

/** The hub a feed document names: subscription documents only (archive pages never change). */
export function hubUrl(doc: FeedDocument): string | null {
  return doc.currentPath === undefined ? (env().WEBSUB_HUB_URL ?? null) : null;
}

const TAG_KEY = new RegExp(`^${tagKey("")}(.+)$`);

/** The subscription documents (every format) that a change to these surrogate keys changed, as absolute URLs. */
export function changedFeeds(keys: readonly string[]): string[] {
  const prefixes = keys.includes("feed") || keys.includes(ALL_KEY) ? [siteFeedPrefix] : [];
  for (const key of keys) {
    const tag = TAG_KEY.exec(key);
    if (tag) prefixes.push(tagFeedPrefix(tag[1]));
  }
  return prefixes.flatMap((prefix) => feedFormats.map((format) => absoluteUrl(feedPath(prefix, format))));
}

export class HubPingFailed extends Error {}

/**
 * Tells the hub that these feeds changed: one publish notification per feed (the form the spec
 * and every hub accept). A hub that does not answer 2xx fails the job, to be tried again.
 */
export async function pingHub(hub: string, feeds: string[]): Promise<void> {
  for (const feed of feeds) {
    let response: Response;
    try {
      response = await fetch(hub, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ "hub.mode": "publish", "hub.url": feed }).toString(),
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new HubPingFailed(`the WebSub hub could not be reached: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300) throw new HubPingFailed(`the WebSub hub answered ${response.status} for ${feed}`);
  }
}
