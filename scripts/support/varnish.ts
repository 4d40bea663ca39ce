import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../embedded-database";

// A real Varnish (Debian's varnishd with varnish-modules' xkey) running the repo's
// deploy/varnish/default.vcl, before an app instance on `backendPort`, in a folder of its own:
// for the tests (e2e/resilience/varnish.test.ts) and the benchmark (npm run bench).

const VCL = path.resolve("deploy/varnish/default.vcl");

export type Varnish = {
  url: string;
  port: number;
  /** What varnishadm says of the backend: "healthy" or "sick". */
  backendHealth: () => Promise<string>;
  stop: () => Promise<void>;
};

const run = (command: string, args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(command, args, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr })),
  );

/** Whether varnishd is installed (Debian: apt-get install -y varnish varnish-modules). */
export const hasVarnish = () => fs.existsSync("/usr/sbin/varnishd") || fs.existsSync("/usr/bin/varnishd");

/** `parameters`: varnishd -p settings (name → value), e.g. thread pool sizes for the benchmark. */
export async function startVarnish(options: { backendPort: number; storageMb?: number; parameters?: Record<string, string> }): Promise<Varnish> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-varnish-"));
  // varnishd's workers run as its own user: they read the folder, the compiled VCL and the vmods.
  fs.chmodSync(dir, 0o755);
  const vcl = path.join(dir, "default.vcl");
  const source = fs.readFileSync(VCL, "utf8");
  const pointed = source.replace(/\.port = "3000";/, `.port = "${options.backendPort}";`);
  if (pointed === source) throw new Error("deploy/varnish/default.vcl no longer names its backend's port as the fixture expects");
  fs.writeFileSync(vcl, pointed);
  fs.chmodSync(vcl, 0o644);
  const pidFile = path.join(dir, "varnishd.pid");
  const started = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn("varnishd", ["-a", `127.0.0.1:${port}`, "-T", "127.0.0.1:0", "-f", vcl, "-n", dir, "-P", pidFile, "-s", `malloc,${options.storageMb ?? 64}m`, ...Object.entries(options.parameters ?? {}).flatMap(([name, value]) => ["-p", `${name}=${value}`])], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    // varnishd daemonises: the command exits once the child is up (0) or failed to start.
    child.once("exit", (code) => resolve({ code, output }));
    child.once("error", (error) => resolve({ code: -1, output: `${error.message} (is Debian's varnish installed? apt-get install -y varnish varnish-modules)` }));
  });
  if (started.code !== 0) throw new Error(`varnishd did not start: ${started.output}`);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await fetch(`${url}/robots.txt`, { method: "HEAD" });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`varnishd on ${port} did not answer`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    port,
    backendHealth: async () => {
      const { stdout } = await run("varnishadm", ["-n", dir, "backend.list"]);
      return /\bsick\b/i.test(stdout) ? "sick" : /\bhealthy\b/i.test(stdout) ? "healthy" : stdout.trim();
    },
    stop: async () => {
      const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // gone already
      }
      const until = Date.now() + 10_000;
      while (Date.now() < until) {
        try {
          process.kill(pid, 0);
          await new Promise((resolve) => setTimeout(resolve, 50));
        } catch {
          break;
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
