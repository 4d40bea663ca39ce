import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { api } from "@/e2e/fixtures/factories";
import { cli } from "@/e2e/fixtures/cli";

const email = () => `cli-${randomBytes(4).toString("hex")}@test.dateline.local`;

describe("cli user create / apikey create", () => {
  it("creates a user, then an API key that acts as that user", async () => {
    const address = email();
    const created = await cli("user", "create", "--email", address, "--role", "editor", "--password", "correct-horse-battery");
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ email: address, role: "editor" });

    const key = await cli("apikey", "create", "--email", address);
    expect(key.code).toBe(0);
    const apiKey = key.stdout.trim();
    expect(apiKey).toMatch(/^dl_[A-Za-z0-9_-]{40,}$/);
    expect((await api("GET", "/api/v1/stories", { key: apiKey })).status).toBe(200);
  });

  it("refuses bad input with exit 1 and one line on stderr, creating nothing", async () => {
    const address = email();
    const bad = await cli("user", "create", "--email", address, "--role", "boss", "--password", "short");
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toContain("role: Role must be writer, editor or admin");
    expect(bad.stderr).toContain("password: Password must be at least 10 characters");
    const key = await cli("apikey", "create", "--email", address);
    expect(key.code).toBe(1);
    expect(key.stderr.trim()).toBe(`error: No user with email ${address} (email: No such user)`);
  });

  it("refuses a weak password with zxcvbn's reason, and user set-password too", async () => {
    const address = email();
    const weak = await cli("user", "create", "--email", address, "--role", "writer", "--password", "aaaaaaaaaa");
    expect(weak.code).toBe(1);
    expect(weak.stderr.trim().split("\n")).toHaveLength(1);
    expect(weak.stderr).toContain('password: Too easy to guess: repeated characters like "aaa" are easy to guess.');
    expect((await cli("user", "create", "--email", address, "--role", "writer", "--password", "long-enough-pw")).code).toBe(0);

    const common = await cli("user", "set-password", "--email", address, "--password", "password123");
    expect(common.code).toBe(1);
    expect(common.stderr).toContain("password: Too easy to guess: this is a commonly used password.");
    const changed = await cli("user", "set-password", "--email", address, "--password", "a-brand-new-phrase");
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ email: address, sessionsEnded: 0 });
    const nobody = await cli("user", "set-password", "--email", email(), "--password", "a-brand-new-phrase");
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain("No user with email");
  });

  it("refuses a second user with the same email", async () => {
    const address = email();
    expect((await cli("user", "create", "--email", address, "--role", "writer", "--password", "long-enough-pw")).code).toBe(0);
    const again = await cli("user", "create", "--email", address.toUpperCase(), "--role", "writer", "--password", "long-enough-pw");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  it("names the commands when given an unknown one", async () => {
    const unknown = await cli("story", "explode");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "story explode"');
    expect(unknown.stderr).toContain("user create");
  });
});

describe("cli wire ingest", () => {
  it("skips a folder's documentation, saying so, and ingests the copy beside it", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-docs-"));
    const marker = randomBytes(4).toString("hex");
    fs.writeFileSync(path.join(dir, "pti-1.txt"), `MUMBAI, Dec 1 (PTI) Trading resumed on the exchange on Monday (${marker}).`);
    fs.writeFileSync(path.join(dir, "README.md"), "# Feed folder\n\nThe agency drops its copy here.");
    const result = await cli("wire", "ingest", dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("created 1, updated 0, pending 0, withdrawn 0, duplicate 0, failed 0, skipped 1");
    expect(result.stdout).toContain(`skipped: ${path.join(dir, "README.md")}: not wire copy (a documentation file), skipped`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("cli wire commands and files that are no copy", () => {
  it("refuses a FIFO or a device at once, in one line, and ingest skips them saying so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-fifo-"));
    const fifo = path.join(dir, "feed.fifo");
    execFileSync("mkfifo", [fifo]);
    for (const target of [fifo, "/dev/zero"]) {
      const parsed = await cli("wire", "parse", target);
      expect(parsed.code).toBe(1);
      expect(parsed.stderr.trim()).toBe(`error: cannot read ${target}: not a regular file`);
    }
    const ingested = await cli("wire", "ingest", fifo, "/dev/zero");
    expect(ingested.stdout).toContain("created 0, updated 0, pending 0, withdrawn 0, duplicate 0, failed 0, skipped 2");
    expect(ingested.stdout).toContain(`skipped: ${fifo}: not a regular file (a device, FIFO or socket), skipped`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("wire check reads only files in the key's folder, and says in one line what is wrong with a key", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-key-"));
    const key = (items: unknown) => fs.writeFileSync(path.join(dir, "expected.json"), JSON.stringify(items));
    key({ items: [{ file: "../../../../etc/passwd", receivedAt: "2026-03-01T00:00:00Z", headline: "root" }] });
    const escape = await cli("wire", "check", dir);
    expect(escape.code).toBe(1);
    expect(escape.stderr.trim()).toBe(`error: cannot check ${dir}: ${path.join(dir, "expected.json")}: items.0.file must be a file name in the key's folder`);
    expect(escape.stdout).not.toContain("root:x:0");
    key({ items: 5 });
    expect((await cli("wire", "check", dir)).stderr).toContain("items expected array");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
