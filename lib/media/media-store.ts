import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { mediaSettings } from "@/lib/media/media-settings";
import { CONTENT_TYPES, RENDITION_KEY } from "@/lib/media/renditions";
import { getObject, putObject, type StoredObject } from "@/lib/media/s3-store";

// Where pictures' files live: MEDIA_DIR (by default `media` in the data folder), or an
// S3-compatible bucket when MEDIA_S3_BUCKET is set (lib/media/s3-store.ts). Renditions are in
// `r/` by their content hash (written once, never changed, so any instance or CDN may keep them
// for ever), masters in `masters/` by the SHA-256 of the upload (never served).
// Several instances share the folder (a network mount) or the bucket; a file is written under a
// temporary name and renamed into place (an object by one PUT), so nobody reads half of one.

const root = () => mediaSettings().dir;
const renditionName = (key: string) => `r/${key.slice(0, 2)}/${key}`;
const masterName = (hash: string, format: string) => `masters/${hash.slice(0, 2)}/${hash}.${format}`;
const renditionPath = (key: string) => path.join(root(), renditionName(key));
const masterPath = (hash: string, format: string) => path.join(root(), masterName(hash, format));
const typeOf = (name: string) => CONTENT_TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";

async function writeOnce(file: string, data: Buffer): Promise<void> {
  try {
    if ((await stat(file)).size === data.length) return;
  } catch {
    // not there yet
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file).catch(async (error) => {
    await rm(temporary, { force: true });
    throw error;
  });
}

export function putRendition(key: string, data: Buffer): Promise<void> {
  const { s3 } = mediaSettings();
  return s3 ? putObject(s3, renditionName(key), data, typeOf(key)) : writeOnce(renditionPath(key), data);
}

export function putMaster(hash: string, format: string, data: Buffer): Promise<void> {
  const { s3 } = mediaSettings();
  return s3 ? putObject(s3, masterName(hash, format), data, typeOf(`.${format === "jpeg" ? "jpg" : format}`)) : writeOnce(masterPath(hash, format), data);
}

export async function readMaster(hash: string, format: string): Promise<Buffer> {
  const { s3 } = mediaSettings();
  if (!s3) return readFile(masterPath(hash, format));
  const found = await getObject(s3, masterName(hash, format));
  if (!found) throw new Error(`The master of ${hash} is not in the bucket ${s3.bucket}`);
  return found.bytes;
}

/** A rendition's bytes to send, or null for a name that is no rendition's or a file not (or no longer) there. */
export async function readRendition(key: string): Promise<StoredObject | null> {
  if (!RENDITION_KEY.test(key)) return null;
  const { s3 } = mediaSettings();
  if (s3) return getObject(s3, renditionName(key));
  const file = renditionPath(key);
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return { bytes: await readFile(file), modified: info.mtime };
  } catch {
    return null;
  }
}

/** The address readers fetch a rendition at: the site's own /media/…, or the CDN's (MEDIA_BASE_URL). */
export function renditionUrl(key: string): string {
  return `${mediaSettings().baseUrl ?? `${env().SITE_URL}/media`}/${key}`;
}

/**
 * The same for the site's own pages: root-relative when the site serves its pictures itself, so
 * they show however the page was reached (an address other than SITE_URL, a proxy's host), as
 * the pages' Content-Security-Policy allows only the page's own origin and MEDIA_BASE_URL's.
 */
export function renditionSrc(key: string): string {
  const base = mediaSettings().baseUrl;
  return base ? `${base}/${key}` : `/media/${key}`;
}
