import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { mediaFixture } from "@/e2e/fixtures/media";
import { createTestDatabase, type TestDatabase } from "@/scripts/test-database";

// An instance that keeps its pictures in an S3-compatible bucket (MEDIA_S3_*; here a real S3
// server, s3rver, on loopback): an upload's renditions go to the bucket, none to the data folder,
// and readers get them from the site's own /media/ addresses, as from a folder.

const bucketDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-app-s3-"));
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: bucketDir, configureBuckets: [{ name: "newsroom-pictures", configs: [] }] });
let database: TestDatabase;
let app: AppProcess;
let key: string;

beforeAll(async () => {
  const { port } = (await server.run()) as AddressInfo;
  database = await createTestDatabase();
  app = await startApp({
    databaseUrl: database.url,
    name: "media-s3",
    env: { DEMO_CONTENT: "0", MEDIA_S3_BUCKET: "newsroom-pictures", MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`, MEDIA_S3_ACCESS_KEY_ID: "S3RVER", MEDIA_S3_SECRET_ACCESS_KEY: "S3RVER" },
  });
  await app.ready();
  const email = `s3-${randomBytes(4).toString("hex")}@test.dateline.local`;
  const user = await app.cli("user", "create", "--email", email, "--role", "editor", `--password=${randomBytes(18).toString("base64url")}`, "--name", "S3 editor");
  expect(user.code, user.stderr).toBe(0);
  const created = await app.cli("apikey", "create", "--email", email);
  expect(created.code, created.stderr).toBe(0);
  key = created.stdout.trim();
});

afterAll(async () => {
  await app?.cleanup();
  await database?.drop();
  await server.close();
  fs.rmSync(bucketDir, { recursive: true, force: true });
});

describe("pictures in an S3 bucket", () => {
  it("are uploaded to the bucket and served from the site's own addresses", async () => {
    const upload = await fetch(`${app.url}/api/v1/media?filename=embassy.jpg`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "image/jpeg" }, body: new Uint8Array(mediaFixture("moscow-embassy.jpg")) });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const media = (await upload.json()) as { renditions: { url: string; format: string }[] };
    // (s3rver keeps each object as "<key>._S3rver_object", beside its metadata.)
    const stored = fs.readdirSync(path.join(bucketDir, "newsroom-pictures"), { recursive: true }).map(String).flatMap((name) => /^(.+\.(?:avif|webp|jpg|jpeg))\._S3rver_object$/.exec(name)?.[1] ?? []);
    // Every rendition and the master, in the bucket; nothing in the instance's own folder.
    expect(stored.filter((name) => name.startsWith(`r${path.sep}`))).toHaveLength(media.renditions.length);
    expect(stored.filter((name) => name.startsWith(`masters${path.sep}`))).toHaveLength(1);
    expect(fs.existsSync(path.join(app.dataDir, "media"))).toBe(false);
    for (const rendition of media.renditions.slice(0, 3)) {
      const answer = await fetch(`${app.url}${new URL(rendition.url).pathname}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect((await answer.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${app.url}/media/${"0".repeat(32)}.jpg`)).status).toBe(404);
  });
});
