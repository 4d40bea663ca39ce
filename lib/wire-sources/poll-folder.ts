import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULT_MAX_ITEMS, MAX_SOURCE_BYTES, megabytes, type FetchedItem, type PollOptions, type PollResult } from "@/lib/wire-sources/poll-types";
import { SourceError } from "@/lib/wire-sources/source-error";

// A watched folder is where an agency's FTP push (or a colleague's script) drops files. Two rules
// make it safe:
// - a file is taken only once it is complete: its size and modification time hold still across
//   two looks 250 ms apart, or it was last written over 2 s ago (agencies rarely upload to a
//   temporary name, so the file's stillness is the only sign that the upload has ended);
// - it is claimed by an atomic rename into `.processing/` before it is read, so when several app
//   instances poll one folder exactly one of them wins each file. The claimed name carries the
//   claim's time: a claim older than 10 minutes is a crashed instance's, and is put back (the
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
const PARTIAL = /\.(?:tmp|part|filepart)$/i;
const CLAIMED = /^(\d{13})-[0-9a-f]{12}-(.+)$/;

type Candidate = { name: string; size: number; mtimeMs: number };

/** Whether a name in the folder is one to take: not hidden, not an upload still under a temporary name. */
export function isTakeable(name: string): boolean {
  return !name.startsWith(".") && !PARTIAL.test(name) && name !== DONE && name !== FAILED;
}

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

/** The candidates whose writing has ended: still for 2 s, or unchanged across a second look 250 ms later. */
async function completeFiles(folder: string, signal?: AbortSignal): Promise<Candidate[]> {
  const first = await candidates(folder);
  const now = Date.now();
  const settled = first.filter((file) => now - file.mtimeMs >= STILL_FOR_MS);
  const recent = first.filter((file) => now - file.mtimeMs < STILL_FOR_MS);
  if (recent.length) {
    await sleep(SETTLE_MS, undefined, { signal });
    const second = new Map((await candidates(folder)).map((file) => [file.name, file]));
    for (const file of recent) {
      const again = second.get(file.name);
      if (again && again.size === file.size && again.mtimeMs === file.mtimeMs) settled.push(file);
    }
  }
  return settled.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
}

/** Puts back files a crashed instance claimed over 10 minutes ago, so that they are taken again. */
async function recoverStaleClaims(folder: string): Promise<void> {
  const processing = path.join(folder, PROCESSING);
  for (const claimed of await readdir(processing)) {
    const match = CLAIMED.exec(claimed);
    if (!match || Date.now() - Number(match[1]) < STALE_CLAIM_MS) continue;
    // Another instance may be recovering it at the same moment: whoever loses finds it gone.
    await moveWithoutOverwriting(path.join(processing, claimed), folder, match[2]).catch((error) => {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    });
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
  try {
    // The watched folder must exist (a mistyped path is reported, not created); its subfolders are made.
    if (!(await stat(folder)).isDirectory()) throw new SourceError(`${folder} is not a folder`);
    await Promise.all([PROCESSING, DONE, FAILED].map((sub) => mkdir(path.join(folder, sub), { recursive: true })));
    await recoverStaleClaims(folder);
    complete = await completeFiles(folder, options.signal);
  } catch (error) {
    if (options.signal?.aborted) throw new SourceError("The poll was stopped", { cause: error });
    throw error instanceof SourceError ? error : folderError(folder, error);
  }

  const items: FetchedItem[] = [];
  for (const file of complete) {
    if (items.length >= maxItems || options.signal?.aborted) break;
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
    items.push({ name: file.name, raw, receivedAt: new Date(file.mtimeMs), ack });
  }
  return { items, state: state ?? null };
}
