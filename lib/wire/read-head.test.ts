import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readHead } from "@/lib/wire/read-head";

const receivedAt = new Date("2026-03-12T09:00:00Z");
const MARKERS = path.resolve(process.cwd(), "lib/wire/corpus/markers");
const headOf = (file: string) => readHead(fs.readFileSync(path.join(MARKERS, file), "utf8"), receivedAt);

describe("readHead lifts the marker lines off plain copy", () => {
  it("reads a priority word and a slug line, and leaves the dateline first", () => {
    const head = headOf("reuters-urgent-slug.txt");
    expect(head).toMatchObject({ priority: "urgent", slugline: "BC-Britain-Economy", take: null, wordCount: null });
    expect(head.text.startsWith("LONDON, March 12 (Reuters) - Britain's economy grew")).toBe(true);
  });

  it("reads stars and FLASH", () => {
    const head = headOf("ap-stars-flash.txt");
    expect(head.priority).toBe("flash");
    expect(head.text.startsWith("WASHINGTON (AP)")).toBe(true);
  });

  it("reads take lines with the slug line, in either order", () => {
    expect(headOf("ap-first-lead.txt")).toMatchObject({ slugline: "BC-Chile-Earthquake", take: { kind: "lead", number: 1, note: null } });
    expect(headOf("reuters-slug-first-add.txt")).toMatchObject({ slugline: "BC-Britain-Economy", take: { kind: "add", number: 1, note: null } });
    expect(headOf("add-line-alone.txt")).toMatchObject({ slugline: null, take: { kind: "add", number: 3, note: null } });
  });

  it("gives an advisory to the take as its note", () => {
    expect(headOf("ap-second-writethru-eds.txt").take).toEqual({ kind: "writethru", number: 2, note: "Updates with final count, quotes from governor." });
  });

  it("reads corrections and kills", () => {
    expect(headOf("pti-corrected-corrects.txt")).toMatchObject({ slugline: "NEPAL-TREKKING", take: { kind: "correction", note: "CORRECTS spelling of minister's name in para 3" } });
    expect(headOf("reuters-corrects-parenthesis.txt").text.startsWith("By Anna Kovacs\nBUDAPEST")).toBe(true);
    expect(headOf("kill-kill-kill.txt").take?.kind).toBe("kill");
    expect(headOf("elimination-with-slug.txt")).toMatchObject({ slugline: "BC-Britain-Economy", take: { kind: "kill" } });
  });

  it("keeps an embargo line among the markers for the body reader", () => {
    const head = readHead("EMBARGOED UNTIL 00:01 GMT, March 13\nBULLETIN\nLONDON, March 12 (Reuters) - Shares rose.", receivedAt);
    expect(head.priority).toBe("bulletin");
    expect(head.text).toBe("EMBARGOED UNTIL 00:01 GMT, March 13\nLONDON, March 12 (Reuters) - Shares rose.");
  });

  it("never takes prose for a marker, and returns the text itself when there are none", () => {
    const text = fs.readFileSync(path.join(MARKERS, "prose-that-looks-like-markers.txt"), "utf8");
    const head = readHead(text, receivedAt);
    expect(head).toEqual({ text, priority: null, slugline: null, take: null, wordCount: null });
    for (const line of ["Urgent talks were held on Tuesday.", "FLASH floods hit the coast on Tuesday.", "BULLETIN: markets", "KILLER whale spotted", "Kill Bill", "Add 1 cup of flour"]) {
      expect(readHead(`${line}\nMore.`, receivedAt).text).toBe(`${line}\nMore.`);
    }
  });

  it("stops at the first line of prose, even above more markers", () => {
    const head = readHead("BULLETIN\nShares rose.\nURGENT\n2ND ADD", receivedAt);
    expect(head).toEqual({ text: "Shares rose.\nURGENT\n2ND ADD", priority: "bulletin", slugline: null, take: null, wordCount: null });
  });

  it("reads at most a few lines, and a long line at once", () => {
    const markers = "****\n".repeat(20_000);
    expect(readHead(`${markers}Body.`, receivedAt).text.startsWith("****")).toBe(true);
    const started = performance.now();
    for (const line of ["a ".repeat(500_000), " 1".repeat(500_000), "BC-".repeat(300_000), "KILL ".repeat(200_000)]) {
      expect(readHead(line, receivedAt).text).toBe(line);
    }
    expect(performance.now() - started).toBeLessThan(500);
  });
});
