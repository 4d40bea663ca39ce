import type http from "node:http";
import { mediaSettings } from "@/lib/media/media-settings";
import { readRendition } from "@/lib/media/media-store";
import { CONTENT_TYPES } from "@/lib/media/renditions";
import { securityHeaders } from "@/lib/serving/security-headers";
import { REQUEST_BODY_LIMIT_BYTES } from "@/lib/request-limits";

// Pictures' renditions, served by the front from the media store (lib/media/media-store.ts) with
// no database and no Next: each address names its file's bytes (a content hash), so it is cached
// for a year by browsers and CDNs and answered 304 to a revalidation without a read.

export const MEDIA_PATH = /^\/media\/([^/]+)$/;
const IMMUTABLE = "public, max-age=31536000, immutable";
const UPLOAD_PATH = "/api/v1/media";

/** The largest body the front reads for a request: an upload to the library may be larger than other requests (MEDIA_MAX_MB). */
export function bodyLimitFor(path: string): number {
  return path === UPLOAD_PATH ? Math.max(REQUEST_BODY_LIMIT_BYTES, mediaSettings().maxBytes) : REQUEST_BODY_LIMIT_BYTES;
}

function plain(response: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  response.writeHead(status, { ...securityHeaders, "content-type": "text/plain; charset=utf-8", ...extra });
  response.end(`${text}\n`);
}

// Renditions are immutable (named by their bytes): kept in memory once read, up to this budget
// per front, the least recently sent dropped first, so a picture on the home page is sent from
// memory rather than opened, stat'ed and read from disk for every reader.
const MEMORY_BUDGET_BYTES = 64 * 1024 * 1024;
const LARGEST_KEPT_BYTES = 2 * 1024 * 1024;
const kept = new Map<string, { bytes: Buffer; modified: Date }>();
let keptBytes = 0;

function keep(key: string, bytes: Buffer, modified: Date) {
  if (bytes.length > LARGEST_KEPT_BYTES) return;
  kept.set(key, { bytes, modified });
  keptBytes += bytes.length;
  for (const [oldest, entry] of kept) {
    if (keptBytes <= MEMORY_BUDGET_BYTES) break;
    kept.delete(oldest);
    keptBytes -= entry.bytes.length;
  }
}

async function rendition(key: string): Promise<{ bytes: Buffer; modified: Date } | null> {
  const hit = kept.get(key);
  if (hit) {
    // Most recently sent last.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const found = await readRendition(key);
  if (!found) return null;
  keep(key, found.bytes, found.modified);
  return found;
}

export async function serveMedia(request: http.IncomingMessage, response: http.ServerResponse, key: string): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") return plain(response, 405, "The method is not allowed here", { allow: "GET, HEAD" });
  const etag = `"${key}"`;
  const file = await rendition(key);
  if (!file) return plain(response, 404, "No such picture", { "cache-control": "no-store" });
  const headers = {
    ...securityHeaders,
    "content-type": CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)],
    "cache-control": IMMUTABLE,
    etag,
    "last-modified": file.modified.toUTCString(),
    "access-control-allow-origin": "*",
  };
  const validators = request.headers["if-none-match"];
  if (validators && validators.split(",").some((each) => each.trim() === etag || each.trim() === "*")) {
    response.writeHead(304, headers);
    return void response.end();
  }
  response.writeHead(200, { ...headers, "content-length": file.bytes.length });
  response.end(request.method === "HEAD" ? undefined : file.bytes);
}
