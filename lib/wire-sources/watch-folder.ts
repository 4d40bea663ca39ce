import path from "node:path";
import { watch } from "chokidar";
import { isTakeable } from "@/lib/wire-sources/poll-folder";

// Polling a folder every few seconds is the safety net; watching it makes a dropped file reach the
// desk at once. The watcher only says "look now": whether a file is complete and whose it is stays
// pollFolder's job, so a burst of writes to one file costs one poll, not one per write.

const DEBOUNCE_MS = 100;

/**
 * Calls onChange (at most once per 100 ms, within 100 ms) when a takeable file appears in or changes in the
 * folder. `ready` settles once the watcher has read the folder: changes from then on are seen.
 */
export function watchFolder(folder: string, onChange: () => void): { ready: Promise<void>; close(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(folder, {
    depth: 0,
    ignoreInitial: true,
    // The folder itself passes; its subfolders (done/, failed/, .processing/) and partial uploads do not.
    ignored: (file, stats) => file !== folder && (!isTakeable(path.basename(file)) || Boolean(stats?.isDirectory())),
  });
  // At most one call per 100 ms, and always within 100 ms of the first change: a steady stream of
  // files (20 a second) must not keep putting the poll off, as a debounce restarted by each would.
  const changed = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, DEBOUNCE_MS);
  };
  watcher.on("add", changed).on("change", changed);
  // A watcher error (the folder removed, too many watches) must not crash the app: the timed polls go on.
  watcher.on("error", () => {});
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
