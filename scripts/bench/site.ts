import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../embedded-database";

// What the benchmarks start: the site as `npm start` serves it (scripts/bench/serve.ts), and
// nginx serving the same bytes as static files, to compare with.

/** The environment the benchmarks build and serve with: production, its own build folder, and `extra`. */
export function benchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next-bench",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "bench-secret-not-for-production-use-000000",
    AUTH_TRUST_HOST: "true",
    ...extra,
  };
}

/** The production build served on a free port; resolves once it is ready, with Next's process id. */
export async function startBenchSite(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; nextPid: number; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/serve.ts"], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const nextPid = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /READY (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`the site exited with code ${code} before it was ready`)));
  });
  return { child, nextPid, url: `http://127.0.0.1:${port}` };
}

/** nginx serving these files from a folder of its own (null when nginx is not installed). */
export async function startNginx(files: { name: string; type: string; bytes: Buffer }[]): Promise<{ url: string; stop: () => void } | null> {
  if (spawnSync("nginx", ["-v"]).error) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-nginx-"));
  fs.mkdirSync(path.join(dir, "html"));
  // nginx's workers run as an unprivileged user: they must be able to read the files.
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, "html"), 0o755);
  for (const file of files) {
    fs.writeFileSync(path.join(dir, "html", file.name), file.bytes);
    fs.chmodSync(path.join(dir, "html", file.name), 0o644);
  }
  const types = [...new Set(files.map((file) => `${file.type} ${path.extname(file.name).slice(1)};`))].join(" ");
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { ${types} }
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server { listen 127.0.0.1:${port}; root ${dir}/html; }
}
`,
  );
  const child = spawn("nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/${files[0].name}`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill("SIGQUIT");
      setTimeout(() => fs.rmSync(dir, { recursive: true, force: true }), 500);
    },
  };
}
