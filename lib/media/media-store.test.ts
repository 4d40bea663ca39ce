import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The media store in an S3-compatible bucket (MEDIA_S3_*), against a real S3 server (s3rver, an
// implementation of S3's HTTP API) on loopback: what is put is read back, by the same names as on
// disk, and nothing is written to MEDIA_DIR.

const bucketDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-s3-"));
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-s3-media-dir-"));
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: bucketDir, configureBuckets: [{ name: "dateline-pictures", configs: [] }] });

beforeAll(async () => {
  const address = (await server.run()) as AddressInfo;
  Object.assign(process.env, {
    MEDIA_DIR: mediaDir,
    MEDIA_S3_BUCKET: "dateline-pictures",
    MEDIA_S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    MEDIA_S3_PREFIX: "site-a",
    MEDIA_S3_ACCESS_KEY_ID: "S3RVER",
    MEDIA_S3_SECRET_ACCESS_KEY: "S3RVER",
  });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(bucketDir, { recursive: true, force: true });
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

describe("the media store in an S3 bucket", () => {
  it("keeps renditions and masters there, under the prefix, and reads them back", async () => {
    const { putRendition, putMaster, readRendition, readMaster } = await import("@/lib/media/media-store");
    const key = `${"ab".repeat(16)}.avif`;
    await putRendition(key, Buffer.from("rendition bytes"));
    await putMaster("cd".repeat(32), "jpeg", Buffer.from("master bytes"));
    const found = await readRendition(key);
    expect(found?.bytes.toString()).toBe("rendition bytes");
    expect(found?.modified).toBeInstanceOf(Date);
    expect((await readMaster("cd".repeat(32), "jpeg")).toString()).toBe("master bytes");
    // In the bucket under the prefix, by the names used on disk; nothing on disk.
    const stored = fs.readdirSync(path.join(bucketDir, "dateline-pictures"), { recursive: true }).map(String);
    expect(stored.some((name) => name.startsWith(`site-a${path.sep}r${path.sep}ab${path.sep}${key}`))).toBe(true);
    expect(fs.readdirSync(mediaDir)).toEqual([]);
  });

  it("answers null for a rendition the bucket does not hold, and for a name that is no rendition's", async () => {
    const { readRendition, readMaster } = await import("@/lib/media/media-store");
    expect(await readRendition(`${"ef".repeat(16)}.jpg`)).toBeNull();
    expect(await readRendition("../../etc/passwd")).toBeNull();
    await expect(readMaster("00".repeat(32), "png")).rejects.toThrow("is not in the bucket dateline-pictures");
  });

  it("is refused when set by halves, in one line naming the setting", async () => {
    const { mediaSettings } = await import("@/lib/media/media-settings");
    expect(() => mediaSettings({ MEDIA_S3_ENDPOINT: "http://s3.example.com" })).toThrow("Configuration error: MEDIA_S3_BUCKET: set it to keep pictures in a bucket, or unset the other MEDIA_S3_ settings");
    expect(() => mediaSettings({ MEDIA_S3_BUCKET: "pictures", MEDIA_S3_ACCESS_KEY_ID: "x" })).toThrow("MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY are set together, or neither");
    expect(() => mediaSettings({ MEDIA_S3_BUCKET: "Not A Bucket" })).toThrow("MEDIA_S3_BUCKET must be a bucket's name");
    expect(mediaSettings({ MEDIA_S3_BUCKET: "pictures" }).s3).toEqual({ bucket: "pictures", region: "us-east-1", endpoint: null, prefix: "", credentials: null });
  });
});
