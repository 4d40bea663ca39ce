import type http from "node:http";
import { pipeline } from "node:stream/promises";
import { mediaSettings } from "@/lib/media/media-settings";
import { openRendition } from "@/lib/media/media-store";
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

export async function serveMedia(request: http.IncomingMessage, response: http.ServerResponse, key: string): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") return plain(response, 405, "The method is not allowed here", { allow: "GET, HEAD" });
  const etag = `"${key}"`;
  const file = await openRendition(key);
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
    file.stream.destroy();
    response.writeHead(304, headers);
    return void response.end();
  }
  response.writeHead(200, { ...headers, "content-length": file.size });
  if (request.method === "HEAD") {
    file.stream.destroy();
    return void response.end();
  }
  await pipeline(file.stream, response);
}
