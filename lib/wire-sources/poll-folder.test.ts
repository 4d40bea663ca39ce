import { appendFile, link, mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pollFolder } from "@/lib/wire-sources/poll-folder";
import { watchFolder } from "@/lib/wire-sources/watch-folder";

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "dateline-folder-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A file written a minute ago: complete, by the 2-second rule. */
async function dropped(name: string, text = `copy of ${name}`) {
  await writeFile(path.join(folder, name), text);
  const minuteAgo = new Date(Date.now() - 60_000);
  await utimes(path.join(folder, name), minuteAgo, minuteAgo);
}
const text = (raw: string | Uint8Array) => (typeof raw === "string" ? raw : Buffer.from(raw).toString("utf8"));

describe("pollFolder", () => {
  it("takes complete files once, oldest first, and ignores hidden, partial and sub-folders", async () => {
    await dropped("b.xml");
    await dropped("a.txt");
    for (const name of [".hidden", "upload.tmp", "big.part", "x.filepart"]) await dropped(name);
    await mkdir(path.join(folder, "incoming"));
    const first = await pollFolder({ path: folder }, null);
    expect(first.items.map((item) => item.name).sort()).toEqual(["a.txt", "b.xml"]);
    expect(text(first.items.find((item) => item.name === "a.txt")!.raw)).toBe("copy of a.txt");
    expect(first.items[0].receivedAt).toBeInstanceOf(Date);
    // Claimed: a second poll (this instance or another) finds nothing before the acks.
    expect((await pollFolder({ path: folder }, null)).items).toEqual([]);
    await Promise.all(first.items.map((item) => item.ack("done")));
    expect((await readdir(path.join(folder, "done"))).sort()).toEqual(["a.txt", "b.xml"]);
    expect((await readdir(folder)).sort()).toEqual([".hidden", ".processing", "big.part", "done", "failed", "incoming", "upload.tmp", "x.filepart"]);
  });

  it("leaves pictures for the items that name them, reads them beside the item, and clears away old ones", async () => {
    await dropped("item.json");
    await mkdir(path.join(folder, "pics"));
    await writeFile(path.join(folder, "pics", "floods.jpg"), "jpeg bytes");
    await dropped("fresh.jpg", "fresh");
    await dropped("stale.JPG", "stale");
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(folder, "stale.JPG"), hoursAgo, hoursAgo);
    const result = await pollFolder({ path: folder }, null);
    expect(result.items.map((item) => item.name)).toEqual(["item.json"]);
    expect((await result.items[0].readBeside!("pics/floods.jpg")).toString()).toBe("jpeg bytes");
    await expect(result.items[0].readBeside!("../elsewhere.jpg")).rejects.toThrow("is outside the folder the item came from");
    await result.items[0].ack("done");
    expect((await readdir(path.join(folder, "done"))).sort()).toEqual(["item.json", "stale.JPG"]);
    expect(await readdir(folder)).toContain("fresh.jpg");
  });

  it("does not take a file that is still growing, and takes it once it holds still", async () => {
    await writeFile(path.join(folder, "growing.xml"), "<newsItem>");
    const writer = setInterval(() => void appendFile(path.join(folder, "growing.xml"), "<p>more</p>"), 20);
    try {
      expect((await pollFolder({ path: folder }, null)).items).toEqual([]);
    } finally {
      clearInterval(writer);
    }
    // Written a moment ago and now still: taken after the second look.
    await appendFile(path.join(folder, "growing.xml"), "</newsItem>");
    const later = await pollFolder({ path: folder }, null);
    expect(later.items.map((item) => item.name)).toEqual(["growing.xml"]);
    expect(text(later.items[0].raw)).toMatch(/^<newsItem>(<p>more<\/p>)*<\/newsItem>$/);
  });

  it("gives each file to exactly one of two pollers polling at once", async () => {
    const names = Array.from({ length: 30 }, (_, index) => `item-${String(index).padStart(2, "0")}.xml`);
    for (const name of names) await dropped(name);
    const [one, two] = await Promise.all([pollFolder({ path: folder }, null), pollFolder({ path: folder }, null)]);
    const taken = [...one.items, ...two.items].map((item) => item.name);
    expect(taken.sort()).toEqual(names);
    expect(new Set(taken).size).toBe(names.length);
  });

  it("moves failed files to failed/ with the reason beside them, and never overwrites in done/", async () => {
    await dropped("story.xml", "second copy");
    await dropped("bad.xml");
    await mkdir(path.join(folder, "done"));
    await writeFile(path.join(folder, "done", "story.xml"), "first copy");
    const { items } = await pollFolder({ path: folder }, null);
    await items.find((item) => item.name === "story.xml")!.ack("done");
    await items.find((item) => item.name === "bad.xml")!.ack("failed", "The item is not valid XML: line 1");
    expect(await readFile(path.join(folder, "done", "story.xml"), "utf8")).toBe("first copy");
    expect(await readFile(path.join(folder, "done", "story-2.xml"), "utf8")).toBe("second copy");
    expect((await readdir(path.join(folder, "failed"))).sort()).toEqual(["bad.xml", "bad.xml.error.txt"]);
    expect(await readFile(path.join(folder, "failed", "bad.xml.error.txt"), "utf8")).toBe("The item is not valid XML: line 1\n");
    expect(await readdir(path.join(folder, ".processing"))).toEqual([]);
  });

  it("takes back what a stopped instance left in .processing/ over a minute ago, but not a live claim", async () => {
    await mkdir(path.join(folder, ".processing"));
    await writeFile(path.join(folder, ".processing", `${Date.now() - 11 * 60_000}-0123456789ab-orphan.xml`), "orphaned");
    await writeFile(path.join(folder, ".processing", `${Date.now()}-0123456789ab-live.xml`), "being ingested");
    const { items } = await pollFolder({ path: folder }, null);
    expect(items.map((item) => [item.name, text(item.raw)])).toEqual([["orphan.xml", "orphaned"]]);
  });

  it("does not take again a file a stopped instance had already moved to done/ when it stopped (a kill between link and unlink)", async () => {
    // Issue 13's restart test: one file of 60 landed in done/ twice, the second time as "-2".
    await mkdir(path.join(folder, ".processing"));
    await mkdir(path.join(folder, "done"));
    await writeFile(path.join(folder, "done", "moved.xml"), "an earlier file of the same name");
    const claimed = path.join(folder, ".processing", `${Date.now() - 2 * 60_000}-0123456789ab-moved.xml`);
    await writeFile(claimed, "taken and acknowledged");
    await link(claimed, path.join(folder, "done", "moved-2.xml"));
    // A stale claim that was not moved yet is still taken back, even with a namesake in done/.
    await writeFile(path.join(folder, ".processing", `${Date.now() - 2 * 60_000}-ba9876543210-moved.xml`), "never acknowledged");
    const { items } = await pollFolder({ path: folder }, null);
    expect(items.map((item) => [item.name, text(item.raw)])).toEqual([["moved.xml", "never acknowledged"]]);
    await items[0].ack("done");
    expect((await readdir(path.join(folder, "done"))).sort()).toEqual(["moved-2.xml", "moved-3.xml", "moved.xml"]);
    expect(await readdir(path.join(folder, ".processing"))).toEqual([]);
  });

  it("takes at most maxItems a poll, leaving the rest for the next", async () => {
    for (const name of ["1.txt", "2.txt", "3.txt"]) await dropped(name);
    expect((await pollFolder({ path: folder }, null, { maxItems: 2 })).items).toHaveLength(2);
    expect((await pollFolder({ path: folder }, null, { maxItems: 2 })).items).toHaveLength(1);
  });

  it("says in words when the folder is not there", async () => {
    await expect(pollFolder({ path: path.join(folder, "nowhere") }, null)).rejects.toThrow(`The folder ${path.join(folder, "nowhere")} does not exist`);
  });
});

describe("watchFolder", () => {
  it("calls back soon after a file lands, not for partial uploads", async () => {
    let calls = 0;
    let called!: () => void;
    const landed = new Promise<void>((resolve) => (called = resolve));
    const watcher = watchFolder(folder, () => {
      calls++;
      called();
    });
    try {
      await watcher.ready;
      await writeFile(path.join(folder, "upload.part"), "partial");
      await writeFile(path.join(folder, "story.xml"), "copy");
      await landed;
      expect(calls).toBe(1);
    } finally {
      await watcher.close();
    }
  });

  it("calls back while files keep landing, not only once they stop", async () => {
    let calls = 0;
    const watcher = watchFolder(folder, () => calls++);
    try {
      await watcher.ready;
      // A file every 20 ms for as long as it takes: a debounce restarted by each would never call.
      let n = 0;
      while (calls < 2 && n < 200) await writeFile(path.join(folder, `story-${n++}.xml`), "copy").then(() => new Promise((resolve) => setTimeout(resolve, 20)));
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThan(40);
    } finally {
      await watcher.close();
    }
  });
});
