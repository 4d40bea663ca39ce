import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_MAX_ITEMS, MAX_SOURCE_BYTES, megabytes, PICTURE_WAIT_MS, type FetchedItem, type PollOptions, type PollResult } from "@/lib/wire-sources/poll-types";
import { SourceError } from "@/lib/wire-sources/source-error";
import { isPictureFile } from "@/lib/wire-ingest/not-wire-copy";
import { folderReader } from "@/lib/media/fetch-wire-picture";

// A watched folder is where an agency's FTP push (or a colleague's script) drops files. Two rules
// make it safe:
// - a file is taken only once it is complete: its size and modification time hold still across
//   two looks 250 ms apart, or it was last written over 2 s ago (agencies rarely upload to a
//   temporary name, so the file's stillness is the only sign that the upload has ended);
// - it is claimed by an atomic rename into `.processing/` before it is read, so when several app
//   instances poll one folder exactly one of them wins each file. The claimed name carries the
//   claim's time: a claim older than a minute is a stopped instance's, and is put back (the
//   file's own mtime cannot tell, since a rename keeps it).
// Once ingested it moves to `done/`, or to `failed/` with `<name>.error.txt` saying why; a name
// already there gets a suffix rather than overwriting it.

const PROCESSING = ".processing";
const DONE = "done";
const FAILED = "failed";
const SETTLE_MS = 250;
const STILL_FOR_MS = 2000;
// A poll takes its files (200 at most) through ingest in seconds: a claim a minute old was left by
// an instance that stopped (killed, or its machine lost), and its file is taken back.
const STALE_CLAIM_MS = 60_000;
const SWEEP_EVERY_MS = 60_000;
const PARTIAL = /\.(?:tmp|part|filepart)$/i;
const CLAIMED = /^(\d{13})-[0-9a-f]{12}-(.+)$/;

type Candidate = { name: string; size: number; mtimeMs: number };

/** Whether a name in the folder is one to take: not hidden, not an upload still under a temporary name. */
export function isTakeable(name: string): boolean {
  return !name.startsWith(".") && !PARTIAL.test(name) && name !== DONE && name !== FAILED && !isPictureFile(name);
}

/**
 * Pictures wait in the folder for the items that name them (NINJS renditions by path, read at
 * ingest); one no item has named within an hour goes to done/, so the folder does not fill up.
 * Looked at once a minute.
 */
async function sweepPictures(folder: string): Promise<void> {
  const now = Date.now();
  if ((swept.get(folder) ?? 0) > now - SWEEP_EVERY_MS) return;
  swept.set(folder, now);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith(".") || !isPictureFile(entry.name)) continue;
    const file = path.join(folder, entry.name);
    const stats = await stat(file).catch(() => null);
    if (stats && now - stats.mtimeMs > PICTURE_WAIT_MS) await moveWithoutOverwriting(file, path.join(folder, DONE), entry.name).catch(() => {});
  }
}
const swept = new Map<string, number>();

function folderError(folder: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new SourceError(`The folder ${folder} does not exist`, { cause: error });
  if (code === "ENOTDIR") return new SourceError(`${folder} is not a folder`, { cause: error });
  if (code === "EACCES" || code === "EPERM") return new SourceError(`Dateline may not read or write the folder ${folder} (permission denied)`, { cause: error });
  return new SourceError(`Could not read the folder ${folder}: ${code ?? (error as Error).message}`, { cause: error });
}

const nameWithSuffix = (name: string, n: number) => {
  const extension = path.extname(name);
  return `${name.slice(0, name.length - extension.length)}-${n}${extension}`;
};

/** Moves the file into the folder under its name, or the first free `name-2.ext`, `name-3.ext` …: never over another file. */
export async function moveWithoutOverwriting(from: string, folder: string, name: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : nameWithSuffix(name, n);
    const to = path.join(folder, candidate);
    try {
      // A hard link fails if the name is taken, atomically; rename would replace it.
      await link(from, to);
      await unlink(from);
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
      // A file system without hard links: look, then rename (not atomic, but nothing else moves files here).
      const taken = await stat(to).then(() => true, () => false);
      if (taken) continue;
      await rename(from, to);
      return candidate;
    }
  }
  throw new SourceError(`The folder ${folder} already holds 1000 files named like ${name}`);
}

async function candidates(folder: string): Promise<Candidate[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && isTakeable(entry.name))
      .map((entry) =>
        stat(path.join(folder, entry.name)).then(
          (stats) => ({ name: entry.name, size: stats.size, mtimeMs: stats.mtimeMs }),
          () => null, // gone already: another instance took it
        ),
      ),
  );
  return found.filter((candidate): candidate is Candidate => candidate !== null);
}

/** What this process saw of each recent file at its last look: a poll takes it once a later look, 250 ms on, sees it unchanged. */
const looks = new Map<string, { size: number; mtimeMs: number; at: number }>();

/**
 * The candidates whose writing has ended: still for 2 s, or unchanged across two looks 250 ms
 * apart. The first look may be an earlier poll's (a folder receiving files all the time is polled
 * back to back, and a file seen by one poll is taken by the next without a wait of its own); a
 * poll that finds nothing ready but files too fresh waits for the first of them and looks again.
 * `waiting`: files left for a later look.
 */
async function completeFiles(folder: string, signal?: AbortSignal): Promise<{ complete: Candidate[]; waiting: number }> {
  const keyOf = (file: Candidate) => path.join(folder, file.name);
  const sort = (files: Candidate[]) => files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
  const lookAt = (files: Candidate[]) => {
    const now = Date.now();
    const complete: Candidate[] = [];
    let readyAt = Infinity;
    for (const file of files) {
      if (now - file.mtimeMs >= STILL_FOR_MS) {
        complete.push(file);
        continue;
      }
      const look = looks.get(keyOf(file));
      if (look && look.size === file.size && look.mtimeMs === file.mtimeMs) {
        if (now - look.at >= SETTLE_MS) complete.push(file);
        else readyAt = Math.min(readyAt, look.at + SETTLE_MS);
      } else {
        looks.set(keyOf(file), { size: file.size, mtimeMs: file.mtimeMs, at: now });
        readyAt = Math.min(readyAt, now + SETTLE_MS);
      }
    }
    return { complete, readyAt };
  };
  const forgetGone = (files: Candidate[]) => {
    const present = new Set(files.map(keyOf));
    for (const key of looks.keys()) if (path.dirname(key) === folder && !present.has(key)) looks.delete(key);
  };

  let files = await candidates(folder);
  forgetGone(files);
  let { complete, readyAt } = lookAt(files);
  if (complete.length === 0 && readyAt < Infinity) {
    await sleep(Math.max(0, readyAt - Date.now()), undefined, { signal });
    files = await candidates(folder);
    ({ complete } = lookAt(files));
  }
  for (const file of complete) looks.delete(keyOf(file));
  return { complete: sort(complete), waiting: files.length - complete.length };
}

/**
 * Whether a claimed file is already in done/ or failed/: an instance stopped between the two steps
 * of moving it there (the link made, the claim not yet unlinked), so it was taken and must not be
 * taken again. Found by the file itself (device and inode), under its name or a suffixed one.
 */
async function alreadyMoved(folder: string, claimedPath: string, name: string): Promise<boolean> {
  const claimed = await stat(claimedPath);
  if (claimed.nlink < 2) return false;
  for (const sub of [DONE, FAILED]) {
    for (let n = 1; n < 1000; n++) {
      const moved = await stat(path.join(folder, sub, n === 1 ? name : nameWithSuffix(name, n))).catch(() => null);
      if (!moved) break;
      if (moved.ino === claimed.ino && moved.dev === claimed.dev) return true;
    }
  }
  return false;
}

/**
 * Puts back files a stopped instance claimed over a minute ago, so that they are taken again;
 * one it had already moved to done/ or failed/ (stopped mid-move) is only let go.
 */
async function recoverStaleClaims(folder: string): Promise<void> {
  const processing = path.join(folder, PROCESSING);
  for (const claimed of await readdir(processing)) {
    const match = CLAIMED.exec(claimed);
    if (!match || Date.now() - Number(match[1]) < STALE_CLAIM_MS) continue;
    const claimedPath = path.join(processing, claimed);
    // Another instance may be recovering it at the same moment: whoever loses finds it gone.
    const gone = (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    };
    if (await alreadyMoved(folder, claimedPath, match[2]).catch((error) => (gone(error), true))) {
      await unlink(claimedPath).catch(gone);
      continue;
    }
    await moveWithoutOverwriting(claimedPath, folder, match[2]).catch(gone);
  }
}

/** The claimed file's name in `.processing/`, or null when another instance claimed it first. */
async function claim(folder: string, name: string): Promise<string | null> {
  const claimed = `${Date.now()}-${randomBytes(6).toString("hex")}-${name}`;
  try {
    await rename(path.join(folder, name), path.join(folder, PROCESSING, claimed));
    return claimed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function acknowledger(folder: string, claimed: string, name: string) {
  const from = path.join(folder, PROCESSING, claimed);
  let acked: Promise<void> | null = null;
  return (outcome: "done" | "failed", reason?: string) => {
    acked ??= (async () => {
      if (outcome === "done") {
        await moveWithoutOverwriting(from, path.join(folder, DONE), name);
        return;
      }
      const stored = await moveWithoutOverwriting(from, path.join(folder, FAILED), name);
      await writeFile(path.join(folder, FAILED, `${stored}.error.txt`), `${reason?.trim() || "The item could not be ingested"}\n`);
    })();
    return acked;
  };
}

/** New complete files in the folder, each claimed for this poll; `state` is unused (the folder itself is the state). */
export async function pollFolder(settings: { path: string }, state: unknown, options: PollOptions = {}): Promise<PollResult> {
  const folder = settings.path;
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  let complete: Candidate[];
  let waiting: number;
  try {
    // The watched folder must exist (a mistyped path is reported, not created); its subfolders are made.
    if (!(await stat(folder)).isDirectory()) throw new SourceError(`${folder} is not a folder`);
    await Promise.all([PROCESSING, DONE, FAILED].map((sub) => mkdir(path.join(folder, sub), { recursive: true })));
    await recoverStaleClaims(folder);
    await sweepPictures(folder);
    ({ complete, waiting } = await completeFiles(folder, options.signal));
  } catch (error) {
    if (options.signal?.aborted) throw new SourceError("The poll was stopped", { cause: error });
    throw error instanceof SourceError ? error : folderError(folder, error);
  }

  const items: FetchedItem[] = [];
  let handled = 0;
  for (const file of complete) {
    if (items.length >= maxItems || options.signal?.aborted) break;
    handled++;
    const claimed = await claim(folder, file.name).catch((error) => Promise.reject(folderError(folder, error)));
    if (!claimed) continue;
    const ack = acknowledger(folder, claimed, file.name);
    const claimedPath = path.join(folder, PROCESSING, claimed);
    const { size } = await stat(claimedPath);
    if (size > MAX_SOURCE_BYTES) {
      await ack("failed", `The file is ${megabytes(size)}; the largest file taken is ${megabytes(MAX_SOURCE_BYTES)}`);
      continue;
    }
    let raw: Uint8Array;
    try {
      raw = new Uint8Array(await readFile(claimedPath));
    } catch (error) {
      await ack("failed", `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    items.push({ name: file.name, raw, receivedAt: new Date(file.mtimeMs), readBeside: folderReader(folder), ack });
  }
  // Files still being written, or too fresh to tell, and any left over the poll's limit: poll again soon.
  return { items, state: state ?? null, more: waiting > 0 || handled < complete.length };
}
