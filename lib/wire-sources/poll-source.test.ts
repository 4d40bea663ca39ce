import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pollSource } from "@/lib/wire-sources/poll-source";
import { wireSourceSchema, withoutCredentials } from "@/lib/wire-sources/source-settings";

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "dateline-source-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("pollSource", () => {
  it("polls a source as the admin configured it", async () => {
    await writeFile(path.join(folder, "story.txt"), "NEW DELHI (PTI) Copy.");
    await utimes(path.join(folder, "story.txt"), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const { settings, credentials } = withoutCredentials(wireSourceSchema.parse({ kind: "folder", path: folder, name: "PTI drop", agency: "PTI", intervalSeconds: 5 }));
    const result = await pollSource(settings, credentials, null);
    expect(result.items.map((item) => item.name)).toEqual(["story.txt"]);
    await result.items[0].ack("done");
  });

  it("refuses an FTP source without its login, in words", async () => {
    await expect(pollSource({ kind: "ftp", url: "ftp://127.0.0.1/out", afterTake: "keep", allowSelfSignedCertificate: false, name: "x", agency: "ANI", intervalSeconds: 60, enabled: true, rules: [] }, { bearerToken: "t" }, null)).rejects.toThrow(
      "The FTP source has no user name and password: enter them in its settings",
    );
  });
});
