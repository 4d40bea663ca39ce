import path from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";

// "" means unset, as for every variable in lib/env.ts.
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const mediaSchema = z.object({
  MEDIA_MAX_MB: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ message: "MEDIA_MAX_MB must be a number of megabytes" }).min(1, "MEDIA_MAX_MB must be 1 or more").max(200, "MEDIA_MAX_MB must be 200 or less").default(25),
  ),
  MEDIA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  MEDIA_BASE_URL: z.preprocess(unsetIfEmpty, z.string().url({ message: "MEDIA_BASE_URL must be an absolute URL such as https://img.example.com" }).optional()),
  WIRE_PICTURE_NETWORKS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((value, context) => {
        const networks: Network[] = [];
        for (const part of (value ?? "").split(",").map((each) => each.trim()).filter(Boolean)) {
          try {
            networks.push(ipaddr.parseCIDR(part));
          } catch {
            context.addIssue({ code: "custom", message: `WIRE_PICTURE_NETWORKS must list networks such as 10.0.0.0/8, comma-separated; "${part}" is not one` });
          }
        }
        return networks;
      }),
  ),
});

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type MediaSettings = {
  maxBytes: number;
  maxMb: number;
  dir: string;
  baseUrl: string | null;
  /** Private networks wire pictures may be fetched from all the same (an agency's server on the newsroom's LAN). */
  pictureNetworks: Network[];
};

/**
 * Pictures (lib/media): the largest upload (MEDIA_MAX_MB, 25 by default), where files are kept
 * (MEDIA_DIR, else `media` in the data folder), and the address readers fetch them from
 * (MEDIA_BASE_URL, a CDN in front of this site; else the site's own /media/), and the private
 * networks wire pictures may come from (WIRE_PICTURE_NETWORKS; none by default).
 */
export function mediaSettings(source?: Record<string, string | undefined>): MediaSettings {
  if (!source && cached) return cached;
  const settings = readMediaSettings(source ?? process.env);
  if (!source) cached = settings;
  return settings;
}

let cached: MediaSettings | undefined;

function readMediaSettings(source: Record<string, string | undefined>): MediaSettings {
  const parsed = mediaSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuration error: ${String(issue.path[0])}: ${issue.message}`);
  }
  const { MEDIA_MAX_MB, MEDIA_DIR, DATA_DIR, MEDIA_BASE_URL, WIRE_PICTURE_NETWORKS } = parsed.data;
  return {
    maxMb: MEDIA_MAX_MB,
    maxBytes: Math.round(MEDIA_MAX_MB * 1024 * 1024),
    // Read at run time from the environment: not a path for the bundler to follow.
    dir: path.resolve(/*turbopackIgnore: true*/ MEDIA_DIR ?? path.join(DATA_DIR ?? ".data", "media")),
    baseUrl: MEDIA_BASE_URL ? MEDIA_BASE_URL.replace(/\/+$/, "") : null,
    pictureNetworks: WIRE_PICTURE_NETWORKS,
  };
}
