import { startFront } from "./serve-site";

// One front server process of a cluster (scripts/serve-site.ts forks one per core). On SIGTERM (from
// the primary as it stops) or SIGINT (a terminal's Ctrl-C reaches the whole process group) it stops
// accepting, finishes its requests in flight and closes its database connections, then exits.
const front = await startFront(process.env, (line) => console.error(`[front ${process.pid}] ${line}`));
let stopping: Promise<void> | null = null;
const stop = () => {
  stopping ??= front
    .close()
    .then(async () => (await import("../lib/db")).db.$disconnect())
    .catch((error: Error) => console.error(`[front ${process.pid}] ${error.message}`))
    .finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
