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
  MEDIA_S3_BUCKET: z.preprocess(unsetIfEmpty, z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "MEDIA_S3_BUCKET must be a bucket's name (3–63 lower-case letters, digits, dots and hyphens)").optional()),
  MEDIA_S3_REGION: z.preprocess(unsetIfEmpty, z.string().optional()),
  MEDIA_S3_ENDPOINT: z.preprocess(unsetIfEmpty, z.string().url({ message: "MEDIA_S3_ENDPOINT must be an absolute URL such as https://s3.example.com" }).optional()),
  MEDIA_S3_PREFIX: z.preprocess(unsetIfEmpty, z.string().regex(/^[A-Za-z0-9!_.*'()/-]*$/, "MEDIA_S3_PREFIX may hold letters, digits and / - _ . only").optional()),
  MEDIA_S3_ACCESS_KEY_ID: z.preprocess(unsetIfEmpty, z.string().optional()),
  MEDIA_S3_SECRET_ACCESS_KEY: z.preprocess(unsetIfEmpty, z.string().optional()),
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
  /** An S3-compatible bucket to keep the files in instead of `dir` (MEDIA_S3_*), or null. */
  s3: S3Settings | null;
};

export type S3Settings = {
  bucket: string;
  region: string;
  /** An S3-compatible service's address (MinIO, Ceph, R2…); AWS's own when unset. */
  endpoint: string | null;
  /** Put before every key ("dateline/"), so one bucket can serve several sites. */
  prefix: string;
  /** Keys given in the settings; unset, the AWS SDK's own chain (environment, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
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
  const { MEDIA_MAX_MB, MEDIA_DIR, DATA_DIR, MEDIA_BASE_URL, WIRE_PICTURE_NETWORKS, MEDIA_S3_BUCKET, MEDIA_S3_REGION, MEDIA_S3_ENDPOINT, MEDIA_S3_PREFIX, MEDIA_S3_ACCESS_KEY_ID, MEDIA_S3_SECRET_ACCESS_KEY } = parsed.data;
  if (!MEDIA_S3_BUCKET && (MEDIA_S3_ENDPOINT || MEDIA_S3_ACCESS_KEY_ID || MEDIA_S3_PREFIX)) throw new Error("Configuration error: MEDIA_S3_BUCKET: set it to keep pictures in a bucket, or unset the other MEDIA_S3_ settings");
  if (!!MEDIA_S3_ACCESS_KEY_ID !== !!MEDIA_S3_SECRET_ACCESS_KEY) throw new Error("Configuration error: MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY are set together, or neither");
  return {
    maxMb: MEDIA_MAX_MB,
    maxBytes: Math.round(MEDIA_MAX_MB * 1024 * 1024),
    // Read at run time from the environment: not a path for the bundler to follow.
    dir: path.resolve(/*turbopackIgnore: true*/ MEDIA_DIR ?? path.join(DATA_DIR ?? ".data", "media")),
    baseUrl: MEDIA_BASE_URL ? MEDIA_BASE_URL.replace(/\/+$/, "") : null,
    pictureNetworks: WIRE_PICTURE_NETWORKS,
    s3: MEDIA_S3_BUCKET
      ? {
          bucket: MEDIA_S3_BUCKET,
          region: MEDIA_S3_REGION ?? "us-east-1",
          endpoint: MEDIA_S3_ENDPOINT ?? null,
          prefix: MEDIA_S3_PREFIX ? `${MEDIA_S3_PREFIX.replace(/^\/+|\/+$/g, "")}/` : "",
          credentials: MEDIA_S3_ACCESS_KEY_ID && MEDIA_S3_SECRET_ACCESS_KEY ? { accessKeyId: MEDIA_S3_ACCESS_KEY_ID, secretAccessKey: MEDIA_S3_SECRET_ACCESS_KEY } : null,
        }
      : null,
  };
}
