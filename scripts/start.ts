import "dotenv/config";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, displayPath as shown, ensureDatabase, EMBEDDED_DATABASE, startEmbeddedServer, type EmbeddedServer } from "./embedded-database";
import { movePgliteData } from "./move-pglite-data";
import { migrate } from "./migrate";
import { serveSite, type Site } from "./serve-site";
import { buildIfNeeded } from "./build-site";

// `npm start`: database (the embedded PostgreSQL server unless DATABASE_URL is set) → migrations →
// demo content on an empty database (embedded, or DEMO_CONTENT=1) → production build when the
// sources changed → the site. SIGTERM or SIGINT stops it in order: no new connections, the requests
// in flight finished (up to 10 s), pools closed, Next stopped, then the embedded database.

const log = (line: string) => console.log(`[dateline] ${line}`);

/** A persistent secret for signing sessions, so restarts do not sign everybody out. */
function authSecret(dir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The key ingest sources' credentials are encrypted with (lib/wire-sources/source-credentials.ts):
 * WIRE_CREDENTIALS_KEY, else one made once and kept beside the auth secret. Several instances on
 * one database must share it: set it in their environment.
 */
function wireCredentialsKey(dir: string): string {
  if (process.env.WIRE_CREDENTIALS_KEY) return process.env.WIRE_CREDENTIALS_KEY;
  const file = path.join(dir, "wire-credentials-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** DEMO_CONTENT: demo users and stories on an empty database; by default only on the embedded one. */
function demoContentWanted(embedded: boolean): boolean {
  const value = process.env.DEMO_CONTENT ?? "";
  if (value === "") return embedded;
  if (value === "1" || value === "0") return value === "1";
  throw new Error(`Configuration error: DEMO_CONTENT must be 1 or 0, not "${value}"`);
}

async function seed(dir: string, embedded: boolean, demoContent: boolean) {
  const { db } = await import("../lib/db");
  if (!demoContent) {
    if ((await db.user.count({ where: { active: true } })) === 0) {
      log("The database has no users: create one with `npm run --silent cli -- user create --email E --role admin --password P` (or start once with DEMO_CONTENT=1 for demo content)");
    }
    return;
  }
  const { seedDemo } = await import("../prisma/seed");
  const logins = await seedDemo();
  const loginsFile = path.join(dir, "demo-logins.txt");
  if (logins) {
    const lines = logins.map((login) => `  ${login.role.padEnd(6)}  ${login.email}  password: ${login.password}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(loginsFile, lines.join("\n") + "\n", { mode: 0o600 });
    log("Seeded demo stories and one user per role:");
    console.log(lines.join("\n"));
  } else if (embedded && fs.existsSync(loginsFile)) {
    log(`Demo log-ins: see ${shown(loginsFile)}`);
  }
}

async function main() {
  const started = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  const dir = dataDir();
  const embedded = !process.env.DATABASE_URL;
  const demoContent = demoContentWanted(embedded);
  let database: EmbeddedServer | null = null;
  let site: Site | null = null;
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      log(`No DATABASE_URL: using the embedded PostgreSQL in ${shown(path.join(dir, "postgres"))}`);
      database = await startEmbeddedServer({ dir, log });
      const adminUrl = database.urlFor("postgres");
      await movePgliteData({ dir, adminUrl, urlFor: database.urlFor, log });
      await ensureDatabase(adminUrl, EMBEDDED_DATABASE);
      databaseUrl = database.urlFor(EMBEDDED_DATABASE);
    }
    process.env.DATABASE_URL = databaseUrl;

    await migrate(databaseUrl, log);
    await seed(dir, embedded, demoContent);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret(dir),
      WIRE_CREDENTIALS_KEY: wireCredentialsKey(dir),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
    };
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    if (process.env.SKIP_BUILD === "1") {
      if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`SKIP_BUILD=1, but there is no build in ${distDir}: run without it once, or \`next build\``);
    } else {
      // The embedded database listens on a new port each start; it is the same database all the same.
      await buildIfNeeded({ env, distDir, databaseIdentity: embedded ? `embedded:${dir}` : databaseUrl, log });
    }
    site = await serveSite({ port, env, log });
  } catch (error) {
    await site?.close().catch(() => {});
    await database?.stop().catch(() => {});
    throw error;
  }
  log(`Dateline is up on http://localhost:${port}  (newsroom: http://localhost:${port}/login), in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let stopping = false;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: no new connections; finishing the requests in flight (up to 10 s)…`);
    // Should anything hang, the next start copes with what is left (the database stops cleanly then).
    setTimeout(() => {
      log("could not stop in 30 s; exiting");
      process.exit(1);
    }, 30_000).unref();
    await site!.close().catch((error: Error) => log(`stopping the site: ${error.message}`));
    await (await import("../lib/db")).db.$disconnect().catch(() => {});
    await database?.stop().catch((error: Error) => log(`stopping the embedded database: ${error.message}`));
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  site.next.on("exit", (code) => void stop(`next start exited (${code})`, code || 1));
}

main().catch((error) => {
  console.error(`[dateline] could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
