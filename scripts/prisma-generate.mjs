// postinstall: generates the Prisma client. Prisma 6.19 decides whether it needs a native engine
// before reading the adapter config, and with no DATABASE_URL at all it tries to download one
// (impossible offline). Generation never connects, so any well-formed URL will do.
import { spawnSync } from "node:child_process";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/unused";
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
