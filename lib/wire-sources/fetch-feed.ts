import { STATUS_CODES } from "node:http";
import { fetch, type Headers } from "undici";
import { networkReason } from "@/lib/wire-sources/network-reason";
import { MAX_SOURCE_BYTES, megabytes, seconds } from "@/lib/wire-sources/poll-types";
import { scrubbed, SourceError } from "@/lib/wire-sources/source-error";

// One GET of a feed, its failures told in words an admin can act on ("The feed answered 500
// Internal Server Error", "Could not reach feed.example.com: connection refused"). undici's own
// fetch, not the global one, which Next.js patches with its data cache. Redirects are followed
// here, not by fetch, so that credentials never travel to another origin than the feed's.

const MAX_REDIRECTS = 5;

export type FeedAnswer = { status: number; headers: Headers; bytes: Buffer; url: string };
export type FeedRequest = { headers: Record<string, string>; credentialHeaders: Record<string, string>; secrets: string[]; signal?: AbortSignal; timeoutMs: number };

const HINT: Record<number, string> = { 401: ": check the source's credentials", 403: ": check the source's credentials", 404: ": check the address" };

function reachError(url: URL, error: unknown, secrets: string[]): SourceError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const why = networkReason(cause?.code) ?? cause?.message ?? (error as Error).message;
  // No cause kept: a library's error may quote a header, and errors get logged whole.
  return new SourceError(scrubbed(`Could not reach ${url.host}: ${why}`, secrets));
}

async function readCapped(response: Awaited<ReturnType<typeof fetch>>): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length"));
  const tooLarge = () => new SourceError(`The feed sent more than ${megabytes(MAX_SOURCE_BYTES)}, the most read from one answer`);
  if (declared > MAX_SOURCE_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > MAX_SOURCE_BYTES) {
      await response.body?.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The feed's answer (2xx or 304), or a SourceError saying in words why there is none. */
export async function fetchFeed(address: string, request: FeedRequest): Promise<FeedAnswer> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const origin = new URL(address).origin;
  let url = new URL(address);
  try {
    for (let redirects = 0; ; redirects++) {
      const headers = url.origin === origin ? { ...request.headers, ...request.credentialHeaders } : request.headers;
      let response: Awaited<ReturnType<typeof fetch>>;
      try {
        response = await fetch(url, { headers, signal, redirect: "manual" });
      } catch (error) {
        if (signal.aborted) throw error;
        throw reachError(url, error, request.secrets);
      }
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        await response.body?.cancel();
        if (redirects >= MAX_REDIRECTS) throw new SourceError(`The feed redirected more than ${MAX_REDIRECTS} times`);
        url = new URL(location, url);
        if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceError("The feed redirected to an address that is not http or https");
        continue;
      }
      if (response.status === 304) return { status: 304, headers: response.headers, bytes: Buffer.alloc(0), url: url.href };
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        const text = STATUS_CODES[response.status] ?? response.statusText;
        throw new SourceError(`The feed answered ${response.status}${text ? ` ${text}` : ""}${HINT[response.status] ?? ""}`);
      }
      return { status: response.status, headers: response.headers, bytes: await readCapped(response), url: url.href };
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (timeout.aborted) throw new SourceError(`The feed took longer than ${seconds(request.timeoutMs)}`);
    if (request.signal?.aborted) throw new SourceError("The poll was stopped");
    throw new SourceError(scrubbed(`Could not read the feed at ${url.host}: ${(error as Error).message}`, request.secrets));
  }
}
