import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// One load run: wrk where installed (C, so the load generator takes little of a 2-core machine),
// else autocannon. Requests rotate over a list of paths, each connection from its own offset, so
// a list of distinct pages is a list of first visits.

export type LoadResult = { requestsPerSecond: number; p50: number; p95: number; p99: number; errors: number; requests: number; tool: string };

export const hasWrk = () => spawnSync("wrk", ["--version"]).error === undefined;

const WRK_SCRIPT = `
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  paths = {}
  for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
  i = math.floor(id * #paths / 2)
  local key = os.getenv("BENCH_AUTHORIZATION")
  if key and key ~= "" then wrk.headers["Authorization"] = key end
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH_JSON {\\"requests\\":%d,\\"duration\\":%d,\\"errors\\":%d,\\"p50\\":%d,\\"p95\\":%d,\\"p99\\":%d}\\n",
    summary.requests, summary.duration, errors, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

export async function runLoad(options: { baseUrl: string; paths: string[]; seconds: number; connections: number; authorization?: string }): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-"));
  const pathsFile = path.join(dir, "paths.txt");
  fs.writeFileSync(pathsFile, options.paths.join("\n") + "\n");
  try {
    if (hasWrk()) {
      const script = path.join(dir, "rotate.lua");
      fs.writeFileSync(script, WRK_SCRIPT);
      const output = await capture("wrk", [`-t${Math.min(2, options.connections)}`, `-c${options.connections}`, `-d${options.seconds}s`, "--timeout", "5s", "-s", script, options.baseUrl], {
        ...process.env,
        BENCH_PATHS: pathsFile,
        BENCH_AUTHORIZATION: options.authorization ?? "",
      });
      const line = output.split("\n").find((l) => l.startsWith("BENCH_JSON "));
      if (!line) throw new Error(`wrk printed no result:\n${output}`);
      const r = JSON.parse(line.slice("BENCH_JSON ".length)) as { requests: number; duration: number; errors: number; p50: number; p95: number; p99: number };
      return { requestsPerSecond: r.requests / (r.duration / 1e6), p50: r.p50 / 1000, p95: r.p95 / 1000, p99: r.p99 / 1000, errors: r.errors, requests: r.requests, tool: "wrk" };
    }
    return await autocannonLoad(options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function autocannonLoad(options: { baseUrl: string; paths: string[]; seconds: number; connections: number; authorization?: string }): Promise<LoadResult> {
  const { default: autocannon } = await import("autocannon");
  let next = 0;
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    headers: options.authorization ? { authorization: options.authorization } : {},
    requests: [{ setupRequest: (request) => ({ ...request, path: options.paths[next++ % options.paths.length] }) }],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  // autocannon reports p97.5, not p95: shown in the p95 column, it is an upper bound.
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p95: result.latency.p97_5, p99: result.latency.p99, errors, requests: result.requests.total, tool: "autocannon" };
}

function capture(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", () => resolve(output));
  });
}
