import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEmbeddedMetadata, NO_METADATA } from "@/lib/media/embedded-metadata";

const fixture = (name: string) => fs.readFileSync(path.resolve("e2e/fixtures/media", name));

describe("readEmbeddedMetadata", () => {
  it("reads an agency photo's caption, credit, byline, copyright and date, UTF-8 IPTC included", async () => {
    // Written by exiftool (IPTC-IIM with 1:90 UTF-8, XMP, EXIF with GPS and the camera).
    expect(await readEmbeddedMetadata(fixture("moscow-embassy.jpg"))).toEqual({
      caption: "Police officers stand outside the Indian embassy in Moscow, Russia, on December 27, 2023.",
      credit: "ANI",
      byline: "Yuri Kochetkov",
      copyright: "© 2023 ANI Media Pvt Ltd",
      takenAt: "2023-12-27T08:42:00.000Z",
    });
  });

  it("reads what is only in IPTC-IIM (an agency's older system), mending its UTF-8", async () => {
    const metadata = await readEmbeddedMetadata(fixture("iptc-only.jpg"));
    expect(metadata).toMatchObject({ caption: "Sénat: vote du budget à Paris", credit: "AFP", byline: "Stéphane de Sakutin", copyright: "© AFP 2024" });
  });

  it("says nothing of a file without metadata, or of bytes that are no picture", async () => {
    expect(await readEmbeddedMetadata(fixture("plain.png"))).toEqual(NO_METADATA);
    expect(await readEmbeddedMetadata(Buffer.from("not an image at all"))).toEqual(NO_METADATA);
  });
});
