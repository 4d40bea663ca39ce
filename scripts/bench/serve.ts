import { serveSite } from "../serve-site";

// The site under benchmark, in a process of its own so that its memory is measured alone.
// Prints "READY <next pid>" once it answers.

const port = Number(process.env.PORT);
const site = await serveSite({ port, env: process.env, stdio: ["ignore", "ignore", "inherit"] });
console.log(`READY ${site.next.pid}`);
const stop = async () => {
  await site.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
