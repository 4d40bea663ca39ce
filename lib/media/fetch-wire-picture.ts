import "server-only";
import dns from "node:dns";
import fs from "node:fs/promises";
import path from "node:path";
import { STATUS_CODES } from "node:http";
import ipaddr from "ipaddr.js";
import { Agent, fetch } from "undici";
import { mediaSettings, type MediaSettings } from "@/lib/media/media-settings";
import { networkReason } from "@/lib/wire-sources/network-reason";
import { megabytes } from "@/lib/wire-sources/poll-types";

// A wire picture's rendition, fetched for the media library. The address comes from agency copy,
// which is untrusted: only http and https, only to public addresses (a private network only where
// WIRE_PICTURE_NETWORKS lets it), checked on every connection, so neither a redirect nor a name
// that resolves to 127.0.0.1 reaches the newsroom's own servers; at most MEDIA_MAX_MB, in 20 s.

export class PictureFetchError extends Error {}

const TIMEOUT_MS = 20_000;
const MAX_REDIRECTS = 3;
const SCHEMES = new Set(["http:", "https:"]);
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether an href is an address (fetched, or refused for its scheme) rather than a path beside the item (`file:` is a path). */
export const isAddress = (href: string) => URL_SCHEME.test(href) && !/^file:/i.test(href);

type Networks = MediaSettings["pictureNetworks"];
const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

/** Whether a picture may be fetched from the address: a public one, or in a network let through. */
export function isFetchableAddress(address: string, networks: Networks): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (networks.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return true;
  // IPv6: only the global unicast block (2000::/3) is the internet; ipaddr.js calls IPv4-compatible
  // forms (::7f00:1) "unicast" too.
  if (parsed.kind() === "ipv6" && !parsed.match(GLOBAL_UNICAST)) return false;
  return parsed.range() === "unicast";
}

/** Every connection's name looked up and judged before it is made (the address the socket then uses). */
function guardedAgent(networks: Networks): Agent {
  return new Agent({
    connect: {
      timeout: 10_000,
      lookup: (hostname, options, callback) => {
        dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
          if (error) return callback(error, "", 4);
          const refused = addresses.find((each) => !isFetchableAddress(each.address, networks));
          if (refused) return callback(Object.assign(new Error(`${hostname} is a private address (${refused.address})`), { code: "EPRIVATE" }), "", 4);
          if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
          callback(null, addresses[0].address, addresses[0].family);
        });
      },
    },
  });
}

let agent: { networks: Networks; agent: Agent } | undefined;
function agentFor(networks: Networks): Agent {
  if (agent?.networks !== networks) agent = { networks, agent: guardedAgent(networks) };
  return agent.agent;
}

async function readCapped(body: AsyncIterable<Uint8Array> | null, max: number, what: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body ?? []) {
    size += chunk.byteLength;
    if (size > max) throw new PictureFetchError(`${what} is larger than ${megabytes(max)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The picture at an http(s) address, with its Content-Type; a PictureFetchError in words for anything else. */
async function fetchOverHttp(address: URL, settings: MediaSettings): Promise<{ bytes: Buffer; contentType: string | null }> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let url = address;
  for (let hop = 0; ; hop++) {
    if (!SCHEMES.has(url.protocol)) throw new PictureFetchError(`${url.protocol.slice(0, -1)} addresses are not fetched (only http and https)`);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // A literal address makes no lookup: judged here.
    if (ipaddr.isValid(host) && !isFetchableAddress(host, settings.pictureNetworks)) throw new PictureFetchError(`${url.host} is a private address`);
    let response;
    try {
      response = await fetch(url, { redirect: "manual", signal, dispatcher: agentFor(settings.pictureNetworks), headers: { accept: "image/avif,image/webp,image/jpeg,image/png,image/*;q=0.8" } });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (signal.aborted) throw new PictureFetchError(`${url.host} did not answer within ${TIMEOUT_MS / 1000} s`);
      if (cause?.code === "EPRIVATE") throw new PictureFetchError(cause.message!);
      throw new PictureFetchError(`Could not reach ${url.host}: ${networkReason(cause?.code) ?? cause?.message ?? (error as Error).message}`);
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => {});
      if (hop >= MAX_REDIRECTS) throw new PictureFetchError(`${address.host} redirected more than ${MAX_REDIRECTS} times`);
      url = new URL(location, url);
      continue;
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => {});
      throw new PictureFetchError(`${url.host} answered ${response.status} ${STATUS_CODES[response.status] ?? ""}`.trim());
    }
    if (Number(response.headers.get("content-length")) > settings.maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new PictureFetchError(`The picture is larger than ${megabytes(settings.maxBytes)}`);
    }
    try {
      return { bytes: await readCapped(response.body, settings.maxBytes, "The picture"), contentType: response.headers.get("content-type") };
    } catch (error) {
      await response.body?.cancel().catch(() => {});
      if (error instanceof PictureFetchError) throw error;
      throw new PictureFetchError(signal.aborted ? `${url.host} did not send the picture within ${TIMEOUT_MS / 1000} s` : `${url.host} broke off sending the picture`);
    }
  }
}

/** Reads a picture that a delivery names by a path beside its item (a watched folder, an FTP server). */
export type BesideReader = (href: string) => Promise<Buffer>;

/**
 * Pictures named by a path beside their item, in the folder the item came from: never outside that
 * folder (no "..", no link leading out), a regular file, at most MEDIA_MAX_MB.
 */
export function folderReader(folder: string, settings: MediaSettings = mediaSettings()): BesideReader {
  return (href) => readBeside(href, folder, settings);
}

async function readBeside(href: string, folder: string, settings: MediaSettings): Promise<Buffer> {
  const root = await fs.realpath(folder);
  const target = path.resolve(root, decodeURIComponent(href.replace(/^file:(?:\/\/)?/i, "")));
  const outside = (candidate: string) => candidate !== root && !candidate.startsWith(root + path.sep);
  if (outside(target)) throw new PictureFetchError(`${href} is outside the folder the item came from`);
  let real: string;
  try {
    real = await fs.realpath(target);
  } catch {
    throw new PictureFetchError(`${href} is not in the folder the item came from`);
  }
  if (outside(real)) throw new PictureFetchError(`${href} leads outside the folder the item came from`);
  const stat = await fs.stat(real);
  if (!stat.isFile()) throw new PictureFetchError(`${href} is not a file`);
  if (stat.size > settings.maxBytes) throw new PictureFetchError(`${href} is larger than ${megabytes(settings.maxBytes)}`);
  return fs.readFile(real);
}

/**
 * The picture's bytes: fetched where `href` is an http(s) address, read beside the item where it
 * is a path and the item came with a way to read there (`readBeside`: a folder, an FTP server).
 * Never throws anything but a PictureFetchError.
 */
export async function fetchWirePicture(href: string, options: { readBeside?: BesideReader | null; settings?: MediaSettings } = {}): Promise<{ bytes: Buffer; contentType: string | null }> {
  const settings = options.settings ?? mediaSettings();
  try {
    if (isAddress(href)) {
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        throw new PictureFetchError(`${href.slice(0, 200)} is not an address`);
      }
      return await fetchOverHttp(url, settings);
    }
    if (!options.readBeside) throw new PictureFetchError(`${href.slice(0, 200)} names a file beside the item, and this item did not come from a folder or FTP server`);
    return { bytes: await options.readBeside(href), contentType: null };
  } catch (error) {
    if (error instanceof PictureFetchError) throw error;
    throw new PictureFetchError(`Could not read ${href.slice(0, 200)}: ${(error as Error).message}`);
  }
}
