// The one shape every provider answers in, so the scheduler polls a folder, a feed and an FTP
// server alike and hands what comes back to the same ingest.

/**
 * Says what became of an item once the ingest has had it: "done" (stored, or a duplicate it
 * recognised) or "failed" with a reason an admin can read. A folder or FTP source moves the file
 * accordingly; a feed has nothing to move, so its acks do nothing.
 */
export type Ack = (outcome: "done" | "failed", reason?: string) => Promise<void>;

export type FetchedItem = {
  /** File name or entry id, for messages and logs. */
  name: string;
  /** The item as the ingest reads it: bytes from files, a NINJS JSON string from RSS, Atom and NINJS feeds. */
  raw: string | Uint8Array;
  /** When the item reached the source (a file's modification time), if the source knows. */
  receivedAt?: Date;
  /** Reads the pictures it names by path, from where it came (a watched folder, an FTP server). */
  readBeside?: (href: string) => Promise<Buffer>;
  ack: Ack;
};

/**
 * What one poll found.
 *
 * How the caller uses it: ingest each item and ack it, then `await finish?.()` (an FTP poll holds
 * its connection open for the acks and closes it there; call it on failure too), and only then save
 * `state`, which the next poll gets back. Should the work be lost before the state is saved, the
 * next poll offers the same items again, and the ingest's dedup absorbs them.
 */
export type PollResult = {
  items: FetchedItem[];
  /** JSON-serialisable; saved and given back to the next poll of the same source. */
  state: unknown;
  /** The feed answered 304 Not Modified. */
  notModified?: boolean;
  /** How many pages of a paged feed were read. */
  pages?: number;
  finish?: () => Promise<void>;
  /** There is more to take than this poll took (files still being written): poll again as soon as it ends. */
  more?: boolean;
};

export type PollOptions = {
  signal?: AbortSignal;
  /** At most this many items per poll (default 200); the rest wait for the next poll. */
  maxItems?: number;
  /** How long one request may take (default 30 s). */
  timeoutMs?: number;
};

export const DEFAULT_MAX_ITEMS = 200;
/** How long a picture file waits in a folder or on an FTP server for an item to name it, before it is cleared away. */
export const PICTURE_WAIT_MS = 3600_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The largest feed answer or file read: anything bigger is refused rather than held in memory. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** "30 s", "1.5 s": a timeout as an admin reads it. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** "10 MB", "512 KB". */
export function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
