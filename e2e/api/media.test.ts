import exifr from "exifr";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { api, makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { fetchRendition, mediaFixture, pngClaiming, uploadMedia, type ApiMedia } from "@/e2e/fixtures/media";

let editor: TestUser;
let writer: TestUser;
beforeAll(async () => {
  [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
});

const photo = mediaFixture("moscow-embassy.jpg");

describe("uploading a picture", () => {
  it("reads the caption, credit, byline, copyright and date the file carries, and makes its renditions", async () => {
    const { status, body, headers } = await uploadMedia(writer.apiKey, photo, "moscow-embassy.jpg");
    expect(status, JSON.stringify(body)).toBe(201);
    expect(headers.get("location")).toBe(`/api/v1/media/${body.id}`);
    expect(body).toMatchObject({
      filename: "moscow-embassy.jpg", format: "jpeg", width: 1600, height: 1067, bytes: photo.length, alt: "",
      caption: "Police officers stand outside the Indian embassy in Moscow, Russia, on December 27, 2023.",
      credit: "ANI", byline: "Yuri Kochetkov", copyright: "© 2023 ANI Media Pvt Ltd", takenAt: "2023-12-27T08:42:00.000Z",
      focalPoint: { x: 0.5, y: 0.5 },
    });
    const sizes = (ratio: string, format: string) => body.renditions.filter((r) => r.ratio === ratio && r.format === format).map((r) => `${r.width}x${r.height}`);
    for (const format of ["avif", "webp", "jpeg"]) {
      expect(sizes("16:9", format)).toEqual(["400x225", "800x450", "1200x675", "1600x900"]);
      expect(sizes("original", format)).toEqual(["400x267", "800x534", "1200x800", "1600x1067"]);
    }
    expect(sizes("4:3", "jpeg")).toEqual(["1200x900"]);
    // The square crop of a 1,067-pixel-high picture is never enlarged.
    expect(sizes("1:1", "jpeg")).toEqual(["1067x1067"]);
    expect(body.url).toBe(body.renditions.find((r) => r.ratio === "original" && r.format === "jpeg" && r.width === 1600)!.url);

    // Each rendition is what it says, at an address that never changes meaning.
    for (const rendition of body.renditions.filter((r) => r.width === 800 || r.ratio === "1:1")) {
      const response = await fetchRendition(rendition.url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe({ avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" }[rendition.format]);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(rendition.bytes);
      const read = await sharp(bytes).metadata();
      expect([read.width, read.height, read.format === "heif" ? "avif" : read.format]).toEqual([rendition.width, rendition.height, rendition.format]);
      const again = await fetchRendition(rendition.url, { headers: { "if-none-match": response.headers.get("etag")! } });
      expect(again.status).toBe(304);
    }
  });

  it("strips the place and the camera from what readers download, and keeps the copyright", async () => {
    const { body } = await uploadMedia(writer.apiKey, photo, "gps.jpg");
    const jpeg = body.renditions.find((r) => r.format === "jpeg" && r.ratio === "16:9" && r.width === 1200)!;
    const bytes = Buffer.from(await (await fetchRendition(jpeg.url)).arrayBuffer());
    const tags = await exifr.parse(bytes, { tiff: true, exif: true, gps: true, xmp: true, iptc: true });
    // EXIF's text is ASCII ("(C)"); XMP has the notice as written.
    expect(tags).toMatchObject({ Copyright: "(C) 2023 ANI Media Pvt Ltd", Artist: "Yuri Kochetkov", rights: { value: "© 2023 ANI Media Pvt Ltd" }, creator: "Yuri Kochetkov" });
    for (const name of ["latitude", "longitude", "GPSLatitude", "Make", "Model", "SerialNumber"]) expect(tags).not.toHaveProperty(name);
    // The upload itself did carry them.
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(55.7558, 3) });
  });

  it("is served by every instance sharing the media folder", async () => {
    const { body } = await uploadMedia(writer.apiKey, photo, "second.jpg");
    const second = process.env.DATELINE_SECOND_URL!;
    const response = await fetch(`${second}${new URL(body.url).pathname}`);
    expect(response.status).toBe(200);
  });
});

describe("a file that is not a picture this site takes", () => {
  const refused = async (bytes: Uint8Array, filename: string, contentType = "image/jpeg") => {
    const before = (await api<{ items: ApiMedia[] }>("GET", `/api/v1/media?q=${encodeURIComponent(filename.split(".")[0])}`, { key: editor.apiKey })).body.items.length;
    const response = await uploadMedia(editor.apiKey, bytes, filename, contentType);
    const after = (await api<{ items: ApiMedia[] }>("GET", `/api/v1/media?q=${encodeURIComponent(filename.split(".")[0])}`, { key: editor.apiKey })).body.items.length;
    expect(after, "nothing is stored").toBe(before);
    return response as unknown as { status: number; body: { error: { code: string; message: string; fields?: Record<string, string[]> } } };
  };

  it("is refused with the file's name and the reason, and nothing is stored", async () => {
    const text = await refused(Buffer.from("Moscow [Russia], December 27 (ANI): not a picture at all."), "notapicture.jpg");
    expect(text.status).toBe(422);
    expect(text.body.error.message).toBe("notapicture.jpg is not a picture this site takes (JPEG, PNG, WebP or AVIF)");
    expect(text.body.error.fields?.file).toEqual([text.body.error.message]);

    const truncated = await refused(photo.subarray(0, Math.floor(photo.length / 2)), "truncated.jpg");
    expect(truncated.status).toBe(422);
    expect(truncated.body.error.message).toBe("truncated.jpg is cut short or damaged: it cannot be decoded whole");

    const bomb = await refused(pngClaiming(40_000, 40_000), "bomb.png", "image/png");
    expect(bomb.status).toBe(422);
    expect(bomb.body.error.message).toBe("bomb.png is 40000 × 40000 pixels (1600 megapixels); a picture may have at most 64 megapixels");

    const svg = await refused(Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`), "drawing.svg", "image/svg+xml");
    expect(svg.status).toBe(415);
    expect(svg.body.error.message).toBe("drawing.svg is an SVG drawing, which is refused: it can carry script");

    const gif = await refused(Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), "anim.gif", "image/gif");
    expect(gif.status).toBe(415);

    const form = await refused(photo, "asform.jpg", "multipart/form-data; boundary=x");
    expect(form.status).toBe(415);
    expect(form.body.error.message).toMatch(/^Send the picture itself as the body/);
  });

  it("over the size limit is refused before it is read", async () => {
    const huge = Buffer.alloc(26 * 1024 * 1024, 0xff);
    huge.set(photo.subarray(0, 3));
    const response = await uploadMedia(editor.apiKey, huge, "huge.jpg");
    expect(response.status).toBe(413);
  });

  it("from no one, or with a bad key, is refused", async () => {
    expect((await uploadMedia(undefined, photo, "anon.jpg")).status).toBe(401);
    expect((await uploadMedia("not-a-key", photo, "anon.jpg")).status).toBe(401);
  });
});

describe("a picture's caption, credit, alt text and focal point", () => {
  it("change, and a new focal point makes the crops again at new addresses (the old ones still served)", async () => {
    const { body: media } = await uploadMedia(writer.apiKey, photo, "focal.jpg");
    const wide = (m: ApiMedia) => m.renditions.filter((r) => r.ratio === "16:9").map((r) => r.url);
    const square = (m: ApiMedia) => m.renditions.find((r) => r.ratio === "1:1")!;
    const patched = await api<ApiMedia>("PATCH", `/api/v1/media/${media.id}`, { key: writer.apiKey, body: { alt: "Police outside the embassy gate", caption: "Police outside the Indian embassy in Moscow.", focalPoint: { x: 0.78, y: 0.33 } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ alt: "Police outside the embassy gate", caption: "Police outside the Indian embassy in Moscow.", focalPoint: { x: 0.78, y: 0.33 }, credit: "ANI" });
    expect(wide(patched.body).some((url) => wide(media).includes(url))).toBe(false);
    // The square crop follows the focal point: the bright subject at x 1150–1350 of 1600 is in
    // it with the focal point at the right, and out of it with the focal point at the left.
    const subjectPixels = async (m: ApiMedia) => {
      const { data, info } = await sharp(Buffer.from(await (await fetchRendition(square(m).url)).arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
      let count = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i] > 230 && data[i + 1] > 230 && data[i + 2] < 90) count++;
      return count;
    };
    expect(await subjectPixels(patched.body)).toBeGreaterThan(30_000);
    const left = await api<ApiMedia>("PATCH", `/api/v1/media/${media.id}`, { key: writer.apiKey, body: { focalPoint: { x: 0.05, y: 0.5 } } });
    expect(await subjectPixels(left.body)).toBe(0);
    expect((await fetchRendition(wide(media)[0])).status).toBe(200);
    expect((await api<ApiMedia>("GET", `/api/v1/media/${media.id}`, { key: editor.apiKey })).body.alt).toBe("Police outside the embassy gate");
  });

  it("refuse what is not text, a number out of range, a field no picture has, and a picture that does not exist", async () => {
    const { body: media } = await uploadMedia(writer.apiKey, photo, "bad-input.jpg");
    const patch = (body: unknown) => api<{ error: { fields: Record<string, string[]> } }>("PATCH", `/api/v1/media/${media.id}`, { key: writer.apiKey, body });
    const nul = await patch({ caption: "before\u0000after" });
    expect(nul.status).toBe(422);
    expect(nul.body.error.fields.caption).toEqual(["Holds a NUL character (U+0000), which is not text"]);
    expect((await patch({ focalPoint: { x: 2, y: 0.5 } })).body.error.fields["focalPoint.x"]).toEqual(["From 0 to 1"]);
    expect((await patch({ alt: 42 })).status).toBe(422);
    expect((await patch({ alt: "x".repeat(501) })).body.error.fields.alt).toEqual(["At most 500 characters"]);
    expect((await patch({ url: "https://evil.example/x.jpg" })).status).toBe(422);
    expect((await api("PATCH", `/api/v1/media/${media.id}`, { key: writer.apiKey, rawBody: "[1,2", headers: { "content-type": "application/json" } })).status).toBe(400);
    expect((await api("GET", `/api/v1/media/not-an-id`, { key: writer.apiKey })).status).toBe(404);
    expect((await api("GET", `/api/v1/media/00000000-0000-4000-8000-000000000000`, { key: writer.apiKey })).status).toBe(404);
    // Control characters go; the caption keeps its line breaks.
    const cleaned = await patch({ caption: "Line one\u0007\nLine two\u202E" });
    expect((cleaned.body as unknown as ApiMedia).caption).toBe("Line one\nLine two");
    expect((await api<ApiMedia>("GET", `/api/v1/media/${media.id}`, { key: writer.apiKey })).body.focalPoint).toEqual({ x: 0.5, y: 0.5 });
  });
});

describe("the library", () => {
  it("is found by words of the caption, credit and filename, newest first, a page at a time", async () => {
    const word = `zq${Date.now().toString(36)}`;
    const uploaded: ApiMedia[] = [];
    for (let i = 0; i < 3; i++) uploaded.push((await uploadMedia(editor.apiKey, mediaFixture("plain.png"), `${word}-${i}.png`, "image/png")).body);
    await api("PATCH", `/api/v1/media/${uploaded[0].id}`, { key: editor.apiKey, body: { caption: `Floods in ${word}ville`, credit: "Reuters" } });
    const page = (query: string) => api<{ items: ApiMedia[]; nextCursor: string | null }>("GET", `/api/v1/media?${query}`, { key: writer.apiKey });
    const first = await page(`q=${word}&limit=2`);
    expect(first.body.items.map((m) => m.filename)).toEqual([`${word}-2.png`, `${word}-1.png`]);
    const second = await page(`q=${word}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((m) => m.filename)).toEqual([`${word}-0.png`]);
    expect(second.body.nextCursor).toBeNull();
    expect((await page(`q=${encodeURIComponent(`${word}vil reut`)}`)).body.items.map((m) => m.id)).toEqual([uploaded[0].id]);
    expect((await page(`q=${word}&from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`)).body.items).toEqual([]);
    expect((await page(`q=%21%21%21`)).body.items).toEqual([]);
    expect((await page(`cursor=garbage`)).status).toBe(422);
    expect((await page(`limit=1000`)).status).toBe(422);
    expect((await page(`colour=red`)).status).toBe(422);
    // A word anywhere in a file's name, between hyphens, underscores or dots, finds it.
    const inside = (await uploadMedia(editor.apiKey, mediaFixture("plain.png"), `moscow-${word}mid_gate.png`, "image/png")).body;
    expect((await page(`q=${word}mid`)).body.items.map((m) => m.id)).toEqual([inside.id]);
    expect((await page(`q=${encodeURIComponent(`gate ${word}mid`)}`)).body.items.map((m) => m.id)).toEqual([inside.id]);
  });
});
