import "dotenv/config";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";
import { migrate } from "./migrate";
import { runOrFail } from "./run-command";
import { serveSite } from "./serve-site";
import { buildIfNeeded } from "./build-site";

// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo seed on an empty
// database → production build when the sources changed → `next start`.

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const log = (line: string) => console.log(`[dateline] ${line}`);

/** A persistent secret for signing sessions, so restarts do not sign everybody out. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  let database: EmbeddedDatabase | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log("No DATABASE_URL: using the embedded PostgreSQL (PGlite) in .data/pglite");
    database = await startEmbeddedDatabase({ announce: true });
    databaseUrl = database.url;
  }
  process.env.DATABASE_URL = databaseUrl;

  await migrate(databaseUrl, log);
  const { seedDemo } = await import("../prisma/seed");
  const logins = await seedDemo();
  if (logins) {
    const lines = logins.map((login) => `  ${login.role.padEnd(6)}  ${login.email}  password: ${login.password}`);
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(path.join(DATA_DIR, "demo-logins.txt"), lines.join("\n") + "\n", { mode: 0o600 });
    log("Seeded demo stories and one user per role:");
    console.log(lines.join("\n"));
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  // The embedded database listens on a new port each start; it is the same database all the same.
  await buildIfNeeded({ env, distDir, databaseIdentity: database ? "embedded:.data/pglite" : databaseUrl, log });

  const site = await serveSite({ port, env, embedded: !!database, log });
  log(`Dateline is up on http://localhost:${port}  (newsroom: http://localhost:${port}/login)`);
  if (!logins && fs.existsSync(path.join(DATA_DIR, "demo-logins.txt")) && database) log("Demo log-ins: see .data/demo-logins.txt");

  const shutdown = async (code: number) => {
    await site.close();
    await database?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  site.next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error) => {
  console.error(`[dateline] could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
