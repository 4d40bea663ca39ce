import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { mediaSettings } from "@/lib/media/media-settings";
import { RENDITION_KEY } from "@/lib/media/renditions";

// Where pictures' files live: MEDIA_DIR (by default `media` in the data folder), renditions in
// `r/` by their content hash (written once, never changed, so any instance or CDN may keep them
// for ever), masters in `masters/` by the SHA-256 of the upload (never served).
// Several instances share the folder (a network mount); a file is written under a temporary name
// and renamed into place, so nobody reads half of one.

const root = () => mediaSettings().dir;
const renditionPath = (key: string) => path.join(root(), "r", key.slice(0, 2), key);
const masterPath = (hash: string, format: string) => path.join(root(), "masters", hash.slice(0, 2), `${hash}.${format}`);

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

export const putRendition = (key: string, data: Buffer) => writeOnce(renditionPath(key), data);
export const putMaster = (hash: string, format: string, data: Buffer) => writeOnce(masterPath(hash, format), data);
export const readMaster = (hash: string, format: string) => readFile(masterPath(hash, format));

/** A rendition's file to send, or null for a name that is no rendition's or a file not (or no longer) there. */
export async function openRendition(key: string): Promise<{ stream: fs.ReadStream; size: number; modified: Date } | null> {
  if (!RENDITION_KEY.test(key)) return null;
  const file = renditionPath(key);
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return { stream: fs.createReadStream(file), size: info.size, modified: info.mtime };
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
