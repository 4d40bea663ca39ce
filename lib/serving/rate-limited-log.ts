/**
 * A log that prints each kind of line at most once per interval, then how many it held back. An
 * outage makes every request fail the same way: thousands of identical lines a second would bury
 * the one that says what happened (and cost the CPU the site needs to recover).
 */
export function rateLimitedLog(log: (line: string) => void, intervalMs = 10_000, now = () => Date.now()) {
  const kinds = new Map<string, { since: number; held: number }>();
  return (kind: string, line: string) => {
    const at = now();
    const seen = kinds.get(kind);
    if (seen && at - seen.since < intervalMs) {
      seen.held++;
      return;
    }
    if (seen?.held) log(`(${seen.held} more like "${kind}" in the last ${Math.round((at - seen.since) / 1000)} s)`);
    kinds.set(kind, { since: at, held: 0 });
    log(line);
  };
}
