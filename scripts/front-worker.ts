import { startFront } from "./serve-site";

// One front server process of a cluster (scripts/serve-site.ts forks one per core).
const front = await startFront(process.env, (line) => console.error(`[front ${process.pid}] ${line}`));
process.on("SIGTERM", () => void front.close().finally(() => process.exit(0)));
