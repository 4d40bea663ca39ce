// The sources this process is polling now. A poll asked for while one runs here (a file landing in
// a watched folder, "poll now") is folded into it: the running poll goes round once more as soon
// as it ends, rather than a second poll finding the source's lock held and trying again later.

const pollingHere = new Map<string, { again: boolean }>();

/** Marks the source as polled here; answers null if it already is (that poll was asked to go round again). */
export function startPollHere(sourceId: string): { again: boolean } | null {
  const running = pollingHere.get(sourceId);
  if (running) {
    running.again = true;
    return null;
  }
  const rounds = { again: false };
  pollingHere.set(sourceId, rounds);
  return rounds;
}

export function endPollHere(sourceId: string): void {
  pollingHere.delete(sourceId);
}

/** Asks a poll running here to go round once more; false if none is (the caller queues a poll). */
export function pollAgainHere(sourceId: string): boolean {
  const running = pollingHere.get(sourceId);
  if (running) running.again = true;
  return Boolean(running);
}
