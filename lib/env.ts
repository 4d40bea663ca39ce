import { z } from "zod";
import { checklistKeys, type ChecklistKey, type PublishRules } from "@/lib/stories/prepublish-checklist";

// Validated once, on first use; a missing or malformed variable fails with a sentence naming it.
const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  SITE_URL: z.string().url({ message: "SITE_URL must be an absolute URL such as https://news.example.com" }).optional(),
  SITE_NAME: z.string().min(1).default("Dateline"),
  SITE_LANGUAGE: z.string().min(2).default("en"),
  PORT: z.coerce.number().int().positive().default(3000),
  // A WebSub hub the feeds name, told of every change to them (lib/feeds/websub.ts).
  WEBSUB_HUB_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().url({ message: "WEBSUB_HUB_URL must be an absolute URL such as https://pubsubhubbub.appspot.com/" }).refine((value) => /^https?:/i.test(value), "WEBSUB_HUB_URL must be an http:// or https:// address").optional()),
  NEWSROOM_TIME_ZONE: z
    .string()
    .default("UTC")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "NEWSROOM_TIME_ZONE must be an IANA time zone such as Asia/Kolkata"),
});

export type Env = z.infer<typeof envSchema> & { SITE_URL: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuration error: ${issue.path.join(".") || "environment"}: ${issue.message}`);
  }
  const siteUrl = (parsed.data.SITE_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, "");
  cached = { ...parsed.data, SITE_URL: siteUrl };
  return cached;
}

/** The database to use; `npm start` and `npm test` always set it (to the embedded one if need be). */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("Configuration error: DATABASE_URL is not set (start the app with `npm start`, which provides one)");
  return url;
}

// "" means unset, as for every variable here.
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

const replicaSchema = z.object({
  DATABASE_REPLICA_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .transform((value, context) => {
        const urls = (value ?? "").split(",").map((each) => each.trim()).filter(Boolean);
        for (const url of urls) {
          if (!/^postgres(?:ql)?:\/\//.test(url)) context.addIssue({ code: "custom", message: "DATABASE_REPLICA_URL must list postgresql:// URLs, comma-separated" });
        }
        return urls;
      }),
  ),
});

/**
 * Streaming replicas of DATABASE_URL that readers' queries may go to (DATABASE_REPLICA_URL, one
 * or several, comma-separated); none: everything reads the primary.
 */
export function databaseReplicaUrls(source: Record<string, string | undefined> = process.env): string[] {
  const parsed = replicaSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Configuration error: ${parsed.error.issues[0].message}`);
  return parsed.data.DATABASE_REPLICA_URL;
}

const frontSchema = z.object({
  PAGE_CACHE_MB: z.preprocess(unsetIfEmpty, z.coerce.number({ message: "PAGE_CACHE_MB must be a number of megabytes" }).int().min(1).default(64)),
  SCHEDULER_INTERVAL_SECONDS: z.preprocess(unsetIfEmpty, z.coerce.number({ message: "SCHEDULER_INTERVAL_SECONDS must be a number" }).min(0).default(10)),
  WEB_CONCURRENCY: z.preprocess(unsetIfEmpty, z.coerce.number({ message: "WEB_CONCURRENCY must be a whole number" }).int().min(1).optional()),
  TRUST_PROXY: z.preprocess(unsetIfEmpty, z.enum(["0", "1", "true", "false"], { message: "TRUST_PROXY must be 1 or 0" }).default("0")),
  RUN_JOBS: z.preprocess(unsetIfEmpty, z.enum(["0", "1", "true", "false"], { message: "RUN_JOBS must be 1 or 0" }).default("1")),
});

export type FrontSettings = {
  cacheMb: number;
  schedulerIntervalSeconds: number;
  workers: number | null;
  trustProxy: boolean;
  /** Whether this instance runs the background jobs (another instance on the database may run them instead). */
  runJobs: boolean;
};

/** The front server's settings (lib/serving), validated: a typo fails at start with its name. */
export function frontSettings(source: Record<string, string | undefined> = process.env): FrontSettings {
  const parsed = frontSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuration error: ${issue.path.join(".")}: ${issue.message}`);
  }
  const { PAGE_CACHE_MB, SCHEDULER_INTERVAL_SECONDS, WEB_CONCURRENCY, TRUST_PROXY, RUN_JOBS } = parsed.data;
  const yes = (value: string) => value === "1" || value === "true";
  return { cacheMb: PAGE_CACHE_MB, schedulerIntervalSeconds: SCHEDULER_INTERVAL_SECONDS, workers: WEB_CONCURRENCY ?? null, trustProxy: yes(TRUST_PROXY), runJobs: yes(RUN_JOBS) };
}

const poolSchema = z.object({
  DATABASE_POOL_SIZE: z.preprocess(unsetIfEmpty, z.coerce.number({ message: "DATABASE_POOL_SIZE must be a whole number of connections" }).int().min(1).max(1000).default(10)),
  DATABASE_WRITE_POOL_SIZE: z.preprocess(unsetIfEmpty, z.coerce.number({ message: "DATABASE_WRITE_POOL_SIZE must be a whole number of connections" }).int().min(1).max(1000).default(5)),
});

/** Connections per process (lib/db.ts): for reads, and a separate set that only writes (transactions) use. */
export function databasePoolSettings(source: Record<string, string | undefined> = process.env): { readers: number; writers: number } {
  const parsed = poolSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuration error: ${issue.path.join(".")}: ${issue.message}`);
  }
  return { readers: parsed.data.DATABASE_POOL_SIZE, writers: parsed.data.DATABASE_WRITE_POOL_SIZE };
}

const checklistNames = checklistKeys.join(", ");
const publishSchema = z.object({
  PUBLISH_REQUIRE: z.preprocess(
    (value) => (typeof value === "string" ? value.split(",").map((name) => name.trim()).filter(Boolean) : []),
    z.array(z.enum(checklistKeys, { message: `PUBLISH_REQUIRE names checks from: ${checklistNames} (comma-separated)` })),
  ),
  HEADLINE_MAX_LENGTH: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ message: "HEADLINE_MAX_LENGTH must be a number of characters" }).int("HEADLINE_MAX_LENGTH must be a whole number of characters").min(20, "HEADLINE_MAX_LENGTH must be 20 or more").max(300, "HEADLINE_MAX_LENGTH must be 300 or less (the longest headline a story may have)").default(110),
  ),
});

/**
 * The pre-publish checklist's settings (lib/stories/prepublish-checklist.ts): which checks block
 * publishing (PUBLISH_REQUIRE, none unless set) and the longest headline it accepts.
 */
export function publishSettings(source: Record<string, string | undefined> = process.env): PublishRules {
  const parsed = publishSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuration error: ${String(issue.path[0])}: ${issue.message}`);
  }
  return { require: [...new Set<ChecklistKey>(parsed.data.PUBLISH_REQUIRE)], headlineMaxLength: parsed.data.HEADLINE_MAX_LENGTH };
}

const wireDeskSchema = z.object({
  WIRE_QUEUE_HOURS: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ message: "WIRE_QUEUE_HOURS must be a number of hours" }).min(1, "WIRE_QUEUE_HOURS must be 1 or more").max(8760, "WIRE_QUEUE_HOURS must be 8760 (a year) or less").default(72),
  ),
});

/**
 * How long agency copy stays in the wire desk's queue: older items leave it (and, if no story was
 * made from them, the database); the copy of a story made from one stays with the story.
 */
export function wireDeskSettings(source: Record<string, string | undefined> = process.env): { queueHours: number } {
  const parsed = wireDeskSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Configuration error: ${parsed.error.issues[0].message}`);
  return { queueHours: parsed.data.WIRE_QUEUE_HOURS };
}

