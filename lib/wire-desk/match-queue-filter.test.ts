import { describe, expect, it } from "vitest";
import type { QueueRow } from "./queue-row";
import { matchesQueueFilter, needsRefetch } from "./match-queue-filter";

const row = (overrides: Partial<QueueRow> = {}): QueueRow => ({
  id: "7d1c3f4e-0000-4000-8000-000000000001",
  receivedAt: "2026-12-04T10:00:00.000Z",
  agency: "ANI",
  priority: "urgent",
  category: "POL",
  slugline: "INDIA-RUSSIA-TALKS",
  headline: "Jaishankar meets Lavrov in Moscow",
  dateline: "Moscow, Russia",
  wordCount: 320,
  state: "new",
  withdrawn: false,
  pendingUpdate: false,
  takeKind: null,
  version: 1,
  desk: "foreign",
  source: { id: "5b0d3a52-0000-4000-8000-0000000000aa", name: "ANI feed" },
  takenBy: null,
  takenAt: null,
  seenBy: null,
  dismissedBy: null,
  storyId: null,
  story: null,
  clusterId: "7d1c3f4e-0000-4000-8000-000000000001",
  cluster: { items: 1, agencies: ["ANI"], threads: 1, stories: [] },
  ...overrides,
});

describe("matchesQueueFilter", () => {
  it("shows everything but dismissed rows when no state is asked for", () => {
    expect(matchesQueueFilter(row(), {})).toBe(true);
    expect(matchesQueueFilter(row({ state: "seen" }), {})).toBe(true);
    expect(matchesQueueFilter(row({ state: "taken" }), {})).toBe(true);
    expect(matchesQueueFilter(row({ state: "dismissed" }), {})).toBe(false);
  });

  it("shows only the state asked for, dismissed included", () => {
    expect(matchesQueueFilter(row({ state: "dismissed" }), { state: "dismissed" })).toBe(true);
    expect(matchesQueueFilter(row({ state: "new" }), { state: "dismissed" })).toBe(false);
    expect(matchesQueueFilter(row({ state: "taken" }), { state: "new" })).toBe(false);
  });

  it("matches agency and category whatever their case, as the SQL's lower() does", () => {
    expect(matchesQueueFilter(row(), { agency: "ani" })).toBe(true);
    expect(matchesQueueFilter(row(), { agency: "PTI" })).toBe(false);
    expect(matchesQueueFilter(row({ agency: null }), { agency: "ANI" })).toBe(false);
    expect(matchesQueueFilter(row(), { category: "pol" })).toBe(true);
    expect(matchesQueueFilter(row({ category: null }), { category: "POL" })).toBe(false);
  });

  it("matches priority, source and desk exactly", () => {
    expect(matchesQueueFilter(row(), { priority: "urgent" })).toBe(true);
    expect(matchesQueueFilter(row(), { priority: "flash" })).toBe(false);
    expect(matchesQueueFilter(row({ priority: null }), { priority: "routine" })).toBe(false);
    expect(matchesQueueFilter(row(), { source: "5b0d3a52-0000-4000-8000-0000000000aa" })).toBe(true);
    expect(matchesQueueFilter(row({ source: null }), { source: "5b0d3a52-0000-4000-8000-0000000000aa" })).toBe(false);
    expect(matchesQueueFilter(row(), { desk: "foreign" })).toBe(true);
    expect(matchesQueueFilter(row(), { desk: "Foreign" })).toBe(false);
    expect(matchesQueueFilter(row({ desk: null }), { desk: "foreign" })).toBe(false);
  });

  it("an empty desk means every desk, as it does in the query string", () => {
    expect(matchesQueueFilter(row({ desk: null }), { desk: "" })).toBe(true);
  });

  it("needs every field of the filter to match", () => {
    const filter = { agency: "ANI", priority: "urgent", desk: "foreign", state: "new" } as const;
    expect(matchesQueueFilter(row(), filter)).toBe(true);
    expect(matchesQueueFilter(row({ priority: "routine" }), filter)).toBe(false);
    expect(matchesQueueFilter(row({ state: "seen" }), filter)).toBe(false);
  });

  it("leaves a text search to the server", () => {
    expect(needsRefetch({ q: "lavrov" })).toBe(true);
    expect(needsRefetch({ agency: "ANI" })).toBe(false);
    // The words are not judged here: the other fields still are.
    expect(matchesQueueFilter(row(), { q: "nothing like it" })).toBe(true);
  });
});
