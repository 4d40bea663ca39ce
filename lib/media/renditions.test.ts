import { describe, expect, it } from "vitest";
import { cropBox } from "@/lib/media/renditions";
import { sniffImage } from "@/lib/media/sniff-image";

describe("cropBox", () => {
  it("takes the largest box of the ratio, centred on the focal point as far as the edges allow", () => {
    expect(cropBox(1600, 1067, "16:9", { x: 0.5, y: 0.5 })).toEqual({ left: 0, top: 84, width: 1600, height: 900 });
    expect(cropBox(1600, 1067, "16:9", { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 1600, height: 900 });
    expect(cropBox(1600, 1067, "1:1", { x: 0.78, y: 0.5 })).toEqual({ left: 533, top: 0, width: 1067, height: 1067 });
    expect(cropBox(1600, 1067, "1:1", { x: 1, y: 0.5 })).toEqual({ left: 533, top: 0, width: 1067, height: 1067 });
    expect(cropBox(1600, 1067, "1:1", { x: 0, y: 0.5 })).toEqual({ left: 0, top: 0, width: 1067, height: 1067 });
    // A portrait photo cropped wide: the height gives way.
    expect(cropBox(1000, 1500, "16:9", { x: 0.5, y: 0.1 })).toEqual({ left: 0, top: 0, width: 1000, height: 563 });
    expect(cropBox(1000, 1500, "16:9", { x: 0.5, y: 0.6 })).toEqual({ left: 0, top: 619, width: 1000, height: 563 });
    expect(cropBox(1000, 1500, "original", { x: 0.1, y: 0.1 })).toEqual({ left: 0, top: 0, width: 1000, height: 1500 });
    // A sliver still gets a box of at least one pixel.
    expect(cropBox(1, 5000, "16:9", { x: 0.5, y: 0.5 }).height).toBeGreaterThanOrEqual(1);
  });
});

describe("sniffImage", () => {
  const bytes = (...values: (number | string)[]) => Buffer.concat(values.map((v) => (typeof v === "string" ? Buffer.from(v, "latin1") : Buffer.from([v]))));
  const ftyp = (major: string, ...compatible: string[]) => {
    const body = Buffer.concat([Buffer.from("ftyp"), Buffer.from(major), Buffer.alloc(4), ...compatible.map((brand) => Buffer.from(brand))]);
    const size = Buffer.alloc(4);
    size.writeUInt32BE(body.length + 4);
    return Buffer.concat([size, body, Buffer.alloc(16)]);
  };

  it("knows a picture by its first bytes, whatever it is called", () => {
    expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ ok: true, format: "jpeg" });
    expect(sniffImage(bytes(0x89, "PNG\r\n\x1a\n"))).toEqual({ ok: true, format: "png" });
    expect(sniffImage(bytes("RIFF\x00\x00\x00\x00WEBPVP8 "))).toEqual({ ok: true, format: "webp" });
    expect(sniffImage(ftyp("avif", "mif1", "miaf"))).toEqual({ ok: true, format: "avif" });
    expect(sniffImage(ftyp("mif1", "avif"))).toEqual({ ok: true, format: "avif" });
  });

  it("names what it refuses", () => {
    expect(sniffImage(ftyp("heic", "mif1"))).toMatchObject({ ok: false, unsupported: true, reason: expect.stringMatching(/^is a HEIC picture/) });
    expect(sniffImage(Buffer.from("\uFEFF  <svg xmlns='http://www.w3.org/2000/svg'/>"))).toMatchObject({ ok: false, unsupported: true, reason: expect.stringMatching(/SVG/) });
    expect(sniffImage(Buffer.from("<!-- hi --><svg/>"))).toMatchObject({ unsupported: true, reason: expect.stringMatching(/SVG/) });
    expect(sniffImage(Buffer.from("GIF89a"))).toMatchObject({ unsupported: true, reason: expect.stringMatching(/GIF/) });
    expect(sniffImage(bytes("II*\x00"))).toMatchObject({ unsupported: true, reason: expect.stringMatching(/TIFF/) });
    expect(sniffImage(Buffer.alloc(0))).toEqual({ ok: false, unsupported: false, reason: "is empty" });
    expect(sniffImage(Buffer.from("%PDF-1.7"))).toMatchObject({ ok: false, unsupported: false });
  });
});
