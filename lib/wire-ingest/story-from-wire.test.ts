import { describe, expect, it } from "vitest";
import { parseWireItem } from "@/lib/wire";
import { storyUpdateFromWire, takeChanges } from "@/lib/wire-ingest/story-from-wire";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";
const C = "33333333-3333-4333-8333-333333333333";
const figure = (id: string) => `<figure data-media="${id}"></figure>`;
const receivedAt = new Date("2026-03-03T10:15:00Z");
const version = parseWireItem(JSON.stringify({ uri: "urn:x:1", version: 2, headline: "Floods", body_html: "<p>MILAN, March 13 (Reuters) - New copy.</p>" }), { receivedAt });
const add = parseWireItem("BC-ITALY-FLOODS 1ST ADD\nMore paragraphs about the floods came in later.\n", { receivedAt });

describe("pictures when agency copy changes a story", () => {
  it("keeps the body's pictures after a newer version's copy, which may come without them", () => {
    const { body } = storyUpdateFromWire(version, [], { body: `<p>Old.</p>${figure(B)}`, leadImageId: A });
    expect(body).toBe(`<p>New copy.</p>${figure(B)}`);
    // One the version brings is not shown twice, nor the new lead as a figure as well.
    expect(storyUpdateFromWire(version, [B, C], { body: `<p>Old.</p>${figure(B)}${figure(C)}`, leadImageId: A }).body).toBe(`<p>New copy.</p>${figure(C)}`);
  });

  it("does not repeat, with an add, the pictures the story shows already", () => {
    expect(add.parse.take?.kind).toBe("add");
    const { body } = takeChanges(add, { body: `<p>First.</p>${figure(B)}`, leadImageId: A }, [A, B, C]);
    expect(body.match(/<figure/g)).toHaveLength(2);
    expect(body.endsWith(figure(C))).toBe(true);
  });
});
