import "server-only";
import { db } from "@/lib/db";
import { schedulePoll } from "@/lib/jobs/schedule-poll";
import { expireWireQueue } from "@/lib/wire-desk/expire-wire-queue";
import { storedSource } from "@/lib/wire-sources/stored-source";
import { watchFolder } from "@/lib/wire-sources/watch-folder";
import { pollAgainHere } from "@/lib/wire-sources/polls-here";

// Watched folders of this process: a file landing in one polls its source at once (the poll
// itself claims files, so every instance may watch the same folder).
const watchers = new Map<string, { path: string; close: () => Promise<void> | void }>();

/**
 * Brings this instance in line with the sources as they are now (at start, then every minute,
 * and after an admin changes one): every enabled source has its next poll queued (at its time:
 * a backed-off source is not hurried), every enabled folder is watched, and items older than
 * WIRE_QUEUE_HOURS leave the desk.
 */
export async function reconcileWireSources(options: { log: (line: string) => void }): Promise<void> {
  const sources = await db.wireSource.findMany({ select: { id: true, kind: true, enabled: true, settings: true, nextPollAt: true, name: true, agency: true, intervalSeconds: true, rules: true } });
  const now = new Date();
  const wanted = new Map<string, string>();
  for (const source of sources) {
    if (!source.enabled) continue;
    await schedulePoll(source.id, { runAt: source.nextPollAt && source.nextPollAt > now ? source.nextPollAt : now, keepTime: true });
    const { settings } = storedSource(source);
    if (settings.kind === "folder") wanted.set(source.id, settings.path);
  }
  for (const [id, watcher] of watchers) {
    if (wanted.get(id) !== watcher.path) {
      watchers.delete(id);
      await watcher.close();
    }
  }
  for (const [id, path] of wanted) watchSourceFolder(id, path, options.log);
  const expired = await expireWireQueue({ now });
  if (expired > 0) options.log(`${expired} wire items left the desk (older than WIRE_QUEUE_HOURS, in no story)`);
}

/**
 * Watches a folder source's folder in this process, if it is not watched already: called for
 * every source at reconcile, and by a folder's poll, so a source just added is watched at once.
 */
export function watchSourceFolder(id: string, path: string, log: (line: string) => void = () => {}) {
  const held = watchers.get(id);
  if (held?.path === path) return;
  if (held) void held.close();
  try {
    // A poll under way here takes the new file on its next round; otherwise one is queued.
    const poll = () => void (pollAgainHere(id) || schedulePoll(id).catch(() => {}));
    const watcher = watchFolder(path, poll);
    watchers.set(id, { path, close: () => watcher.close() });
    // A file that landed while the watch was starting is seen by one more poll.
    void watcher.ready.then(poll, () => {});
  } catch (error) {
    // A folder that is not there yet is polled (and its absence reported) at its interval.
    log(`could not watch ${path}: ${(error as Error).message}`);
  }
}

export async function stopFolderWatchers(): Promise<void> {
  const all = [...watchers.values()];
  watchers.clear();
  await Promise.all(all.map((watcher) => watcher.close()));
}
