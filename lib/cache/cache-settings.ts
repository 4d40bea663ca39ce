import { z } from "zod";
import { SHARED_CACHE_TIMES, type SharedCacheTimes } from "@/lib/cache/surrogate-keys";

// "" means unset, as for every variable in lib/env.ts.
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const urlList = (name: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((value, context) => {
        const urls: string[] = [];
        for (const part of (value ?? "").split(",").map((each) => each.trim()).filter(Boolean)) {
          try {
            const url = new URL(part);
            if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
            urls.push(url.origin);
          } catch {
            context.addIssue({ code: "custom", message: `${name} must list addresses such as http://10.0.0.5:6081, comma-separated; "${part}" is not one` });
          }
        }
        return urls;
      }),
  );

const cacheSchema = z.object({
  SHARED_CACHE_SECONDS: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ message: "SHARED_CACHE_SECONDS must be a number of seconds" }).int("SHARED_CACHE_SECONDS must be a whole number of seconds").min(1).max(31_536_000).default(SHARED_CACHE_TIMES.maxAgeSeconds),
  ),
  VARNISH_PURGE_URLS: urlList("VARNISH_PURGE_URLS"),
  FASTLY_SERVICE_ID: z.preprocess(unsetIfEmpty, z.string().regex(/^[A-Za-z0-9]+$/, "FASTLY_SERVICE_ID must be a Fastly service's ID (letters and digits)").optional()),
  FASTLY_API_TOKEN: z.preprocess(unsetIfEmpty, z.string().optional()),
  FASTLY_API_URL: z.preprocess(unsetIfEmpty, z.string().url({ message: "FASTLY_API_URL must be an absolute URL" }).default("https://api.fastly.com")),
  CLOUDFLARE_ZONE_ID: z.preprocess(unsetIfEmpty, z.string().regex(/^[A-Za-z0-9]+$/, "CLOUDFLARE_ZONE_ID must be a Cloudflare zone's ID (letters and digits)").optional()),
  CLOUDFLARE_API_TOKEN: z.preprocess(unsetIfEmpty, z.string().optional()),
  CLOUDFLARE_API_URL: z.preprocess(unsetIfEmpty, z.string().url({ message: "CLOUDFLARE_API_URL must be an absolute URL" }).default("https://api.cloudflare.com/client/v4")),
});

/** The variables read here, which every process that writes or runs jobs must see. */
export const CACHE_VARIABLES = Object.keys(cacheSchema.shape);

export type CacheSettings = {
  /** How long shared caches that hear purges keep a reader response. */
  times: SharedCacheTimes;
  /** Varnish nodes to send xkey purges to (each one's listening address). */
  varnish: string[];
  fastly: { serviceId: string; token: string; apiUrl: string } | null;
  cloudflare: { zoneId: string; token: string; apiUrl: string } | null;
};

/** The shared caches before the site and how to purge them, validated: a typo fails at start with its name. */
export function cacheSettings(source: Record<string, string | undefined> = process.env): CacheSettings {
  const parsed = cacheSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Configuration error: ${parsed.error.issues[0].message}`);
  const value = parsed.data;
  if (!!value.FASTLY_SERVICE_ID !== !!value.FASTLY_API_TOKEN) throw new Error("Configuration error: FASTLY_SERVICE_ID and FASTLY_API_TOKEN are set together, or neither");
  if (!!value.CLOUDFLARE_ZONE_ID !== !!value.CLOUDFLARE_API_TOKEN) throw new Error("Configuration error: CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN are set together, or neither");
  return {
    times: { maxAgeSeconds: value.SHARED_CACHE_SECONDS, staleIfErrorSeconds: SHARED_CACHE_TIMES.staleIfErrorSeconds },
    varnish: value.VARNISH_PURGE_URLS,
    fastly: value.FASTLY_SERVICE_ID ? { serviceId: value.FASTLY_SERVICE_ID, token: value.FASTLY_API_TOKEN!, apiUrl: value.FASTLY_API_URL.replace(/\/+$/, "") } : null,
    cloudflare: value.CLOUDFLARE_ZONE_ID ? { zoneId: value.CLOUDFLARE_ZONE_ID, token: value.CLOUDFLARE_API_TOKEN!, apiUrl: value.CLOUDFLARE_API_URL.replace(/\/+$/, "") } : null,
  };
}
