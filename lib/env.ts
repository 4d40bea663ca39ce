import { z } from "zod";

// Validated once, on first use; a missing or malformed variable fails with a sentence naming it.
const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  SITE_URL: z.string().url({ message: "SITE_URL must be an absolute URL such as https://news.example.com" }).optional(),
  SITE_NAME: z.string().min(1).default("Dateline"),
  SITE_LANGUAGE: z.string().min(2).default("en"),
  PORT: z.coerce.number().int().positive().default(3000),
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
