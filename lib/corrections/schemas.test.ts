import { describe, expect, it } from "vitest";
import { addCorrectionSchema } from "@/lib/corrections/schemas";

describe("addCorrectionSchema", () => {
  it("keeps the note as plain text: trimmed, one kind of line break, no control characters a feed could not carry", () => {
    const parsed = addCorrectionSchema.parse({ kind: "update", note: "  The vote <b>passed</b>.\r\nTurnout\u0001 was 61%.\u0007\uFFFF\n " });
    expect(parsed).toEqual({ kind: "update", note: "The vote <b>passed</b>.\nTurnout was 61%." });
    // NUL is no text at all: refused, naming the note.
    expect(addCorrectionSchema.safeParse({ kind: "update", note: "a\u0000b" }).error?.issues.map((issue) => issue.path.join("."))).toEqual(["note"]);
  });

  it("refuses a note that is empty once trimmed, or longer than 2,000 characters, and an unknown kind", () => {
    const paths = (input: unknown) => addCorrectionSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ kind: "correction", note: " \n\t " })).toEqual(["note"]);
    expect(paths({ kind: "correction", note: "x".repeat(2001) })).toEqual(["note"]);
    expect(paths({ kind: "correction", note: "x".repeat(2000) })).toBeUndefined();
    expect(paths({ kind: "erratum", note: "Fine." })).toEqual(["kind"]);
    expect(paths({ kind: "correction" })).toEqual(["note"]);
  });
});
