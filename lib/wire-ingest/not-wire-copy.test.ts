import { describe, expect, it } from "vitest";
import { notWireCopy } from "@/lib/wire-ingest/not-wire-copy";

describe("files that are not wire copy", () => {
  it("are a folder's documentation, whatever the folder", () => {
    for (const name of ["README.md", "wire/readme.txt", "LICENSE", "Licence.txt", "CHANGELOG.md", "notes.md", "feed/ABOUT.markdown"]) expect(notWireCopy(name), name).not.toBeNull();
  });

  it("are answer keys (a folder's expected.json), but not other JSON", () => {
    expect(notWireCopy("lib/wire/corpus/anpa/expected.json")).toBe("not wire copy (an answer key), skipped");
    expect(notWireCopy("expected-results.json")).toBeNull();
  });

  it("are pictures, which the items naming them read", () => {
    for (const name of ["photos/floods-01.JPG", "pic.jpeg", "a.png", "b.webp", "c.avif", "d.heic", "e.tif"]) expect(notWireCopy(name), name).toBe("not wire copy (a picture: read by the item that names it), skipped");
  });

  it("leave copy alone, whatever it is named", () => {
    for (const name of ["ani-moscow-2023-12-27.txt", "item.json", "reuters-0105.xml", "PTI_2345", "readme-of-the-minister.txt", "markdown-story.txt"]) expect(notWireCopy(name), name).toBeNull();
  });
});
