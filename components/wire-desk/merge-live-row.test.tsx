import { describe, expect, it } from "vitest";
import type { QueueRow } from "@/lib/wire-desk/queue-row";
import { mergeLiveRow, revealHeld, type LiveList } from "./merge-live-row";

let serial = 0;
const row = (minute: number, overrides: Partial<QueueRow> = {}): QueueRow => {
  const id = `00000000-0000-4000-8000-${String(++serial).padStart(12, "0")}`;
  return {
    id, receivedAt: `2026-12-04T10:${String(minute).padStart(2, "0")}:00.000Z`, agency: "ANI", priority: null, category: null, slugline: null,
    headline: `Item at ${minute}`, dateline: null, wordCount: 100, state: "new", withdrawn: false, pendingUpdate: false, takeKind: null,
    version: null, desk: null, source: null, takenBy: null, takenAt: null, seenBy: null, dismissedBy: null, storyId: null, story: null,
    clusterId: id, cluster: { items: 1, agencies: ["ANI"], threads: 1, stories: [] }, ...overrides,
  };
};
const headlines = (list: LiveList) => ({ rows: list.rows.map((each) => each.headline), held: list.held.map((each) => each.headline) });
const options = { matches: true, atTop: true, complete: true };

describe("mergeLiveRow", () => {
  const [a, b] = [row(5), row(3)];
  const list: LiveList = { rows: [a, b], held: [] };

  it("puts a new item on top when the editor is at the top, and holds it back otherwise", () => {
    const late = row(9);
    expect(headlines(mergeLiveRow(list, late, options))).toEqual({ rows: ["Item at 9", "Item at 5", "Item at 3"], held: [] });
    expect(headlines(mergeLiveRow(list, late, { ...options, atTop: false }))).toEqual({ rows: ["Item at 5", "Item at 3"], held: ["Item at 9"] });
  });

  it("ignores an item that does not match the filter", () => {
    expect(mergeLiveRow(list, row(9), { ...options, matches: false })).toBe(list);
  });

  it("changes a shown row in place, and drops it when it stops matching (dismissed)", () => {
    const taken = { ...b, state: "taken", headline: "Item at 3, taken" };
    expect(headlines(mergeLiveRow(list, taken, { ...options, atTop: false }))).toEqual({ rows: ["Item at 5", "Item at 3, taken"], held: [] });
    expect(headlines(mergeLiveRow(list, { ...b, state: "dismissed" }, { ...options, matches: false }))).toEqual({ rows: ["Item at 5"], held: [] });
  });

  it("a newer version replaces its cluster's row, on top", () => {
    const version = row(8, { clusterId: b.clusterId, headline: "Item at 3, version 2" });
    expect(headlines(mergeLiveRow(list, version, options))).toEqual({ rows: ["Item at 3, version 2", "Item at 5"], held: [] });
    const heldBack = mergeLiveRow(list, version, { ...options, atTop: false });
    expect(headlines(heldBack)).toEqual({ rows: ["Item at 5", "Item at 3"], held: ["Item at 3, version 2"] });
    expect(headlines(revealHeld(heldBack))).toEqual({ rows: ["Item at 3, version 2", "Item at 5"], held: [] });
  });

  it("an older member of a shown cluster only updates what the cluster holds", () => {
    const older = row(1, { clusterId: a.clusterId, cluster: { items: 2, agencies: ["ANI", "PTI"], threads: 2, stories: [] } });
    const merged = mergeLiveRow(list, older, options);
    expect(merged.rows[0].id).toBe(a.id);
    expect(merged.rows[0].cluster.agencies).toEqual(["ANI", "PTI"]);
  });

  it("an older item coming back (restored) takes its place by time, if its page is loaded", () => {
    const restored = row(4);
    expect(headlines(mergeLiveRow(list, restored, options)).rows).toEqual(["Item at 5", "Item at 4", "Item at 3"]);
    expect(headlines(mergeLiveRow(list, row(1), { ...options, complete: false })).rows).toEqual(["Item at 5", "Item at 3"]);
  });

  it("a held row changes where it is held, and leaves when it stops matching", () => {
    const late = row(9);
    const heldBack = mergeLiveRow(list, late, { ...options, atTop: false });
    expect(mergeLiveRow(heldBack, { ...late, state: "dismissed" }, { ...options, matches: false }).held).toEqual([]);
    expect(mergeLiveRow(heldBack, { ...late, state: "seen" }, { ...options, atTop: false }).held[0].state).toBe("seen");
  });
});
