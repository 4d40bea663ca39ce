// Preloaded into `next start` (scripts/serve-site.ts), which runs in a process group of its own and
// so is not stopped with the app's: it ends when the process that started it is gone, even after
// a kill -9 of that one, instead of holding its port and database connections for good. The parent
// is watched through the IPC channel it opened, which the operating system closes when it dies.
if (process.channel) {
  process.channel.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
