import type { CacheSettings } from "@/lib/cache/cache-settings";

// Purging the shared caches before the site by surrogate key (lib/cache/surrogate-keys.ts), one
// adapter per kind. Each purge is a job of its own (lib/outbox/reader-change.ts), retried with
// backoff until its cache answers: a Varnish node that is down gets its purges when it is back,
// and holds up no other.

/** One cache to purge: its name in a job's payload, and how. */
export type Purger = { target: string; purge: (keys: string[]) => Promise<void> };

export class PurgeFailed extends Error {}

const TIMEOUT_MS = 10_000;

/** Splits keys into batches of at most `count` keys and `bytes` characters (joined by one separator). */
export function batches(keys: string[], count: number, bytes: number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const key of keys) {
    if (current.length && (current.length >= count || length + key.length + 1 > bytes)) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(key);
    length += key.length + 1;
  }
  if (current.length) out.push(current);
  return out;
}

async function send(what: string, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
  } catch (error) {
    throw new PurgeFailed(`${what} could not be reached: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  if (!response.ok) throw new PurgeFailed(`${what} answered ${response.status}: ${(await response.text().catch(() => "")).slice(0, 200)}`);
  return response;
}

/**
 * A Varnish node running deploy/varnish/default.vcl: `PURGE /` with the keys in `xkey-purge`
 * (space-separated; a request header under Varnish's 8 KB limit).
 */
export function varnishPurger(origin: string): Purger {
  return {
    target: `varnish ${origin}`,
    purge: async (keys) => {
      for (const batch of batches(keys, 500, 6000)) {
        const response = await send(`Varnish at ${origin}`, `${origin}/`, { method: "PURGE", headers: { "xkey-purge": batch.join(" ") } });
        await response.body?.cancel();
      }
    },
  };
}

/** Fastly's batch purge by surrogate key: at most 256 keys a call (POST /service/{id}/purge). */
export function fastlyPurger(settings: NonNullable<CacheSettings["fastly"]>): Purger {
  return {
    target: "fastly",
    purge: async (keys) => {
      for (const batch of batches(keys, 256, 64_000)) {
        const response = await send("Fastly", `${settings.apiUrl}/service/${settings.serviceId}/purge`, {
          method: "POST",
          headers: { "fastly-key": settings.token, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ surrogate_keys: batch }),
        });
        await response.body?.cancel();
      }
    },
  };
}

/** Cloudflare's purge by cache tag: at most 30 tags a call (POST /zones/{id}/purge_cache), `success` in the answer. */
export function cloudflarePurger(settings: NonNullable<CacheSettings["cloudflare"]>): Purger {
  return {
    target: "cloudflare",
    purge: async (keys) => {
      for (const batch of batches(keys, 30, 64_000)) {
        const response = await send("Cloudflare", `${settings.apiUrl}/zones/${settings.zoneId}/purge_cache`, {
          method: "POST",
          headers: { authorization: `Bearer ${settings.token}`, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ tags: batch }),
        });
        const answer = (await response.json().catch(() => null)) as { success?: boolean; errors?: { message?: string }[] } | null;
        if (!answer?.success) throw new PurgeFailed(`Cloudflare refused the purge: ${answer?.errors?.map((each) => each.message).join("; ") || "no success in its answer"}`);
      }
    },
  };
}

/** Every shared cache the settings name. */
export function purgers(settings: CacheSettings): Purger[] {
  return [
    ...settings.varnish.map(varnishPurger),
    ...(settings.fastly ? [fastlyPurger(settings.fastly)] : []),
    ...(settings.cloudflare ? [cloudflarePurger(settings.cloudflare)] : []),
  ];
}
