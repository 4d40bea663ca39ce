import { randomBytes } from "node:crypto";
import path from "node:path";
import { FTPError, type FileInfo } from "basic-ftp";
import { openFtpSession, ftpError, ftpTarget, type FtpSession } from "@/lib/wire-sources/ftp-session";
import { isTakeable } from "@/lib/wire-sources/poll-folder";
import { isPictureFile } from "@/lib/wire-ingest/not-wire-copy";
import { PictureFetchError } from "@/lib/media/fetch-wire-picture";
import { mediaSettings } from "@/lib/media/media-settings";
import { DEFAULT_MAX_ITEMS, DEFAULT_TIMEOUT_MS, MAX_SOURCE_BYTES, megabytes, PICTURE_WAIT_MS, type FetchedItem, type PollOptions, type PollResult } from "@/lib/wire-sources/poll-types";
import { seenEntries } from "@/lib/wire-sources/seen-entries";
import { SourceError } from "@/lib/wire-sources/source-error";
import type { FtpSource } from "@/lib/wire-sources/source-settings";

// Pulling from an agency's FTP server, and leaving it as the agency asks: "delete" what was taken,
// "move" it into done/ (failed/ when the ingest refused it), or "keep" it where it is, remembered
// in the poll state by name, size and time so it is not taken again (a replaced file is new).
// For delete and move, a file is first claimed by renaming it into .processing/ on the server:
// a rename succeeds for one client only, so two app instances polling the same server never take
// a file twice; a claim older than 10 minutes (its time is in its name) is a crashed instance's
// and is put back. The connection stays open for the acks: the caller must `await finish()`.

const PROCESSING = ".processing";
const DONE = "done";
const FAILED = "failed";
// A poll takes its files (200 at most) through ingest in seconds: a claim a minute old was left by
// an instance that stopped (killed, or its machine lost), and its file is taken back.
const STALE_CLAIM_MS = 60_000;
const CLAIMED = /^(\d{13})-[0-9a-f]{12}-(.+)$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

type FtpSettings = Pick<FtpSource, "url" | "afterTake"> & { allowSelfSignedCertificate?: boolean };

const keyOf = (file: FileInfo) => `${file.name}|${file.size}|${file.rawModifiedAt}`;
const isGone = (error: unknown) => error instanceof FTPError && error.code >= 550 && error.code <= 553;
const withSuffix = (name: string, n: number) => `${name.slice(0, name.length - path.extname(name).length)}-${n}${path.extname(name)}`;

/** Creates the folder if it is not there (an error saying it exists is no error). */
const makeFolder = (session: FtpSession, name: string) => session.run((client) => client.sendIgnoringError(`MKD ${name}`));

/** Moves a file into done/ or failed/ under a name not already taken there: FTP's RNTO would replace one. */
async function moveInto(session: FtpSession, from: string, folder: string, name: string, names: Map<string, Set<string>>): Promise<void> {
  let taken = names.get(folder);
  if (!taken) {
    await makeFolder(session, folder);
    taken = new Set((await session.run((client) => client.list(folder))).map((file) => file.name));
    names.set(folder, taken);
  }
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = withSuffix(name, n);
  taken.add(candidate);
  await session.run((client) => client.rename(from, `${folder}/${candidate}`));
}

/** Puts back what a crashed instance claimed over 10 minutes ago. */
async function recoverStaleClaims(session: FtpSession): Promise<void> {
  const claimed = await session.run((client) => client.list(PROCESSING)).catch((error) => (isGone(error) ? [] : Promise.reject(error)));
  for (const file of claimed) {
    const match = CLAIMED.exec(file.name);
    if (!match || Date.now() - Number(match[1]) < STALE_CLAIM_MS) continue;
    await session.run((client) => client.rename(`${PROCESSING}/${file.name}`, match[2])).catch((error) => (isGone(error) ? undefined : Promise.reject(error)));
  }
}

/** The claimed name in .processing/, or null when another instance renamed the file first. */
async function claim(session: FtpSession, name: string): Promise<string | null> {
  const claimed = `${Date.now()}-${randomBytes(6).toString("hex")}-${name}`;
  try {
    await session.run((client) => client.rename(name, `${PROCESSING}/${claimed}`));
    return claimed;
  } catch (error) {
    // Refused because another instance renamed it first, or because this login may not rename:
    // only a file still there tells the two apart (and then the refusal is the error to report).
    if (!isGone(error)) throw error;
    const stillThere = await session.run((client) => client.size(name)).then(() => true, () => false);
    if (stillThere) throw error;
    return null;
  }
}

/**
 * Pictures on the server wait for the items that name them (NINJS renditions by path, read while the
 * poll's connection is open); one no item has named within an hour is deleted or moved to done/,
 * as the source treats what it takes. A source that keeps files keeps these too.
 */
async function sweepPictures(session: FtpSession, listed: FileInfo[], afterTake: FtpSource["afterTake"], names: Map<string, Set<string>>) {
  for (const file of listed) {
    if (!file.isFile || !isPictureFile(file.name) || CONTROL.test(file.name)) continue;
    // A listing in LIST's format gives no parsed time: the server is asked (MDTM).
    const modifiedAt = file.modifiedAt ?? (await session.run((client) => client.lastMod(file.name)).catch(() => null));
    if (!modifiedAt || Date.now() - modifiedAt.getTime() < PICTURE_WAIT_MS) continue;
    if (afterTake === "delete") await session.run((client) => client.remove(file.name)).catch(() => {});
    else await moveInto(session, file.name, DONE, file.name, names).catch(() => {});
  }
}

/** Reads a picture an item names by a path beside it on the server: never above the folder polled, at most MEDIA_MAX_MB. */
function ftpReader(session: FtpSession) {
  return async (href: string): Promise<Buffer> => {
    let name: string;
    try {
      name = path.posix.normalize(decodeURIComponent(href));
    } catch {
      throw new PictureFetchError(`${href} is not a file name`);
    }
    if (name.startsWith("/") || name === ".." || name.startsWith("../") || CONTROL.test(name)) throw new PictureFetchError(`${href} is outside the folder the item came from`);
    const { maxBytes } = mediaSettings();
    const size = await session.run((client) => client.size(name)).catch(() => null);
    if (size === null) throw new PictureFetchError(`${href} is not on the FTP server beside the item`);
    if (size > maxBytes) throw new PictureFetchError(`${href} is larger than ${megabytes(maxBytes)}`);
    return session.download(name);
  };
}

/** New files on the FTP server, downloaded, each with an ack that deletes, moves or keeps it. */
export async function pollFtp(settings: FtpSettings, credentials: { username: string; password: string } | null, state: unknown, options: PollOptions = {}): Promise<PollResult> {
  if (!credentials || !("password" in credentials)) throw new SourceError("The FTP source has no user name and password: enter them in its settings");
  const target = ftpTarget(settings.url, credentials, { allowSelfSigned: settings.allowSelfSignedCertificate ?? false, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const keep = settings.afterTake === "keep";
  const taken = seenEntries(typeof state === "object" && state !== null ? (state as { taken?: unknown }).taken : undefined);
  const session = await openFtpSession(target, options.signal);
  const folderNames = new Map<string, Set<string>>();
  const claims: { claimed: string; name: string }[] = [];
  const items: FetchedItem[] = [];
  let doing = "list the folder";
  try {
    if (!keep) {
      doing = "prepare its .processing folder";
      await makeFolder(session, PROCESSING);
      await recoverStaleClaims(session);
    }
    doing = "list the folder";
    const listed = await session.run((client) => client.list());
    const files = listed
      .filter((file) => file.isFile && isTakeable(file.name) && !CONTROL.test(file.name) && !file.name.includes("/"))
      .sort((a, b) => (a.modifiedAt?.getTime() ?? 0) - (b.modifiedAt?.getTime() ?? 0) || a.name.localeCompare(b.name));
    if (keep) for (const file of files) if (taken.has(keyOf(file))) taken.add(keyOf(file)); // still there: still remembered
    if (!keep) {
      doing = "clear away pictures no item named";
      await sweepPictures(session, listed, settings.afterTake, folderNames);
    }
    for (const file of files) {
      if (items.length >= maxItems || options.signal?.aborted) break;
      if (keep && taken.has(keyOf(file))) continue;
      let remote = file.name;
      if (!keep) {
        doing = `claim ${file.name}`;
        const claimed = await claim(session, file.name);
        if (!claimed) continue;
        claims.push({ claimed, name: file.name });
        remote = `${PROCESSING}/${claimed}`;
      }
      // Too large to hold: never downloaded; moved to failed/ (or, kept, remembered) so it is not tried again.
      if (file.size > MAX_SOURCE_BYTES) {
        if (keep) taken.add(keyOf(file));
        else {
          await moveInto(session, remote, FAILED, file.name, folderNames);
          claims.pop();
        }
        continue;
      }
      const raw = new Uint8Array(await session.download(remote));
      if (keep) taken.add(keyOf(file));
      items.push({ name: file.name, raw, receivedAt: file.modifiedAt, readBeside: ftpReader(session), ack: acknowledger(session, settings.afterTake, remote, file.name, folderNames, (error, doing) => ftpError(target, error, doing)) });
    }
  } catch (error) {
    // Put back what this poll claimed, so that the next poll takes it rather than the 10-minute recovery.
    for (const { claimed, name } of claims) await session.run((client) => client.rename(`${PROCESSING}/${claimed}`, name)).catch(() => {});
    await session.close().catch(() => {});
    if (options.signal?.aborted) throw new SourceError("The poll was stopped");
    throw ftpError(target, error, doing);
  }
  return { items, state: keep ? { taken: taken.keys() } : (state ?? null), finish: () => session.close() };
}

type InWords = (error: unknown, doing: string) => SourceError;

function acknowledger(session: FtpSession, afterTake: FtpSource["afterTake"], remote: string, name: string, folderNames: Map<string, Set<string>>, inWords: InWords) {
  let acked: Promise<void> | null = null;
  return (outcome: "done" | "failed") => {
    acked ??= (async () => {
      // Kept files were remembered when taken, whatever the ingest made of them.
      if (afterTake === "keep") return;
      const folder = outcome === "done" ? DONE : FAILED;
      try {
        if (outcome === "done" && afterTake === "delete") await session.run((client) => client.remove(remote));
        else await moveInto(session, remote, folder, name, folderNames);
      } catch (error) {
        throw inWords(error, outcome === "done" && afterTake === "delete" ? `delete ${name}` : `move ${name} into ${folder}/`);
      }
    })();
    return acked;
  };
}
