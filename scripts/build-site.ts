import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { runOrFail } from "./run-command";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

/** A fingerprint of everything a build depends on; a build is reused while it matches. */
function buildFingerprint(databaseUrl: string): string {
  const hash = createHash("sha256").update(databaseUrl);
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(String(fs.statSync(full).mtimeMs));
    }
  };
  for (const dir of ["app", "components", "lib", "prisma", "generated"]) walk(dir);
  for (const file of ["package-lock.json", "next.config.ts", "auth.ts", "auth.config.ts", "proxy.ts", "postcss.config.mjs"]) {
    if (fs.existsSync(file)) hash.update(file).update(String(fs.statSync(file).mtimeMs));
  }
  for (const key of ["SITE_URL", "SITE_NAME", "SITE_LANGUAGE", "NEWSROOM_TIME_ZONE"]) hash.update(`${key}=${process.env[key] ?? ""}`);
  return hash.digest("hex");
}

export async function buildIfNeeded(options: { env: NodeJS.ProcessEnv; distDir: string; databaseIdentity: string; log: (line: string) => void }) {
  const { env, distDir, databaseIdentity, log } = options;
  const stamp = path.join(distDir, "dateline-build-fingerprint");
  const fingerprint = buildFingerprint(databaseIdentity);
  if (fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fingerprint) return;
  log("Building the site (next build), once per change of the sources…");
  await runOrFail(process.execPath, [NEXT_BIN, "build"], { env });
  fs.writeFileSync(stamp, fingerprint);
}

