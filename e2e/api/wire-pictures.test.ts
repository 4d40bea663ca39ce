import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { cli } from "@/e2e/fixtures/cli";
import type { ApiMedia } from "@/e2e/fixtures/media";
import { distinctWords, queueWireItem } from "@/e2e/fixtures/wire-queue";

// Issue 14: agencies send pictures with their copy (NINJS associations, NewsML-G2 picture items).
// They come into the media library with the agency's caption and credit and lead the story; a
// picture that cannot be had leaves the story without it, said in the item's problems. The
// agency's picture server is a real one, on loopback (which the test run lets through:
// WIRE_PICTURE_NETWORKS=127.0.0.0/8); link-local and other private addresses stay refused.

type Story = ApiStory & { body: string; leadImage: ApiMedia | null; ingest: { outcome: string; wireItemId: string | null } };
type WireItem = { parsed: { problems: string[] } };

// Each address a picture of its own (the library takes the same bytes as the same picture).
const made = new Map<string, Promise<Buffer>>();
const pictureFor = (name: string) => {
  if (!made.has(name)) {
    const shade = createHash("sha256").update(name).digest();
    made.set(name, sharp({ create: { width: 1600, height: 1067, channels: 3, background: { r: shade[0], g: shade[1], b: shade[2] } } })[name.endsWith(".png") ? "png" : "jpeg"]().toBuffer());
  }
  return made.get(name)!;
};
let editor: TestUser;
let pictures: http.Server;
let picturesUrl: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  editor = await makeUser("editor");
  pictures = http.createServer((request, response) => {
    const name = new URL(request.url!, "http://x").pathname;
    hits.set(name, (hits.get(name) ?? 0) + 1);
    if (name.startsWith("/embassy")) return void pictureFor(name).then((bytes) => response.writeHead(200, { "content-type": "image/jpeg" }).end(bytes));
    if (name.startsWith("/plain")) return void pictureFor(name).then((bytes) => response.writeHead(200, { "content-type": "image/png" }).end(bytes));
    if (name === "/page.jpg") return response.writeHead(200, { "content-type": "image/jpeg" }).end("<html><script>alert(1)</script></html>");
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => pictures.listen(0, "127.0.0.1", resolve));
  picturesUrl = `http://127.0.0.1:${(pictures.address() as AddressInfo).port}`;
});

afterAll(async () => {
  pictures.closeAllConnections();
  await new Promise((resolve) => pictures.close(resolve));
});

const uri = () => `urn:test:pictures:${Date.now()}:${Math.random().toString(36).slice(2)}`;
const ninjs = (id: string, associations: unknown, version = 1) =>
  JSON.stringify({ uri: id, version, headline: unique("Police guard the Indian embassy in Moscow"), body_text: `MOSCOW, Dec 27 (ANI): ${distinctWords()}.`, associations });
const send = (body: string) => api<Story>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: body, headers: { "Content-Type": "application/json" } });
const problems = async (wireItemId: string) => (await api<WireItem>("GET", `/api/v1/wire/items/${wireItemId}`, { key: editor.apiKey })).body.parsed.problems;

const featureimage = (file: string, fields: Record<string, unknown> = {}) => ({
  type: "picture",
  uri: `urn:pic:${file}`,
  description_text: "Police officers stand outside the <b>Indian embassy</b> in Moscow on December 27, 2023.",
  byline: "Yuri Kochetkov",
  copyrightholder: "ANI",
  copyrightnotice: "© 2023 ANI",
  renditions: { thumbnail: { href: `${picturesUrl}/thumb.jpg`, mimetype: "image/jpeg", width: 100, height: 67 }, baseImage: { href: `${picturesUrl}/${file}`, mimetype: "image/jpeg", width: 1600, height: 1067 } },
  ...fields,
});

describe("a NINJS item with pictures", () => {
  it("leads its draft with the first, in the library with the agency's caption and credit, and shows the others in the body", async () => {
    const { status, body: story } = await send(ninjs(uri(), { featureimage: featureimage("embassy-1.jpg"), gallery: featureimage("plain-1.png", { description_text: "The gate", byline: "" }) }));
    expect(status, JSON.stringify(story)).toBe(201);
    expect(hits.get("/thumb.jpg")).toBeUndefined();
    expect(story.leadImage).toMatchObject({ caption: "Police officers stand outside the Indian embassy in Moscow on December 27, 2023.", credit: "ANI", byline: "Yuri Kochetkov", copyright: "© 2023 ANI", alt: "", width: 1600, height: 1067 });
    const figures = [...story.body.matchAll(/<figure data-media="([0-9a-f-]{36})"><\/figure>/g)].map((match) => match[1]);
    expect(figures).toHaveLength(1);
    const gallery = (await api<ApiMedia>("GET", `/api/v1/media/${figures[0]}`, { key: editor.apiKey })).body;
    expect(gallery).toMatchObject({ caption: "The gate", credit: "ANI", format: "png" });
    // In the library, found by the agency's words.
    const found = (await api<{ items: ApiMedia[] }>("GET", `/api/v1/media?q=${encodeURIComponent("Indian embassy")}`, { key: editor.apiKey })).body.items;
    expect(found.map((each) => each.id)).toContain(story.leadImage!.id);
    // And NINJS out carries it, as IPTC's schema has associations.
    const out = (await api<{ associations: { name: string; descriptions: { role: string; value: string }[]; infosources: { name: string }[] }[] }>("GET", `/api/v1/stories/${story.id}/ninjs`, { key: editor.apiKey })).body;
    expect(out.associations[0]).toMatchObject({ name: "featureimage", infosources: [{ name: "ANI" }] });
    expect(out.associations[0].descriptions).toContainEqual({ role: "caption", contenttype: "text/plain", value: story.leadImage!.caption });
  });

  it("uses the library's picture again for a newer version that sends it again", async () => {
    const id = uri();
    const first = (await send(ninjs(id, { featureimage: featureimage("embassy-2.jpg") }))).body;
    const second = await send(ninjs(id, { featureimage: featureimage("embassy-2.jpg", { description_text: "Police outside the embassy (updated)" }) }, 2));
    expect(second.body.ingest.outcome).toBe("updated");
    expect(second.body.leadImage!.id).toBe(first.leadImage!.id);
    // A version with no pictures leaves the draft's lead picture as it is.
    const third = await send(ninjs(id, undefined, 3));
    expect(third.body.ingest.outcome).toBe("updated");
    expect(third.body.leadImage!.id).toBe(first.leadImage!.id);
  });

  it("takes no address or words with control characters (a NUL once answered 500)", async () => {
    const { status, body: story } = await send(
      ninjs(uri(), [
        { name: "featureimage", type: "picture", renditions: [{ name: "original", href: `${picturesUrl}/embassy-\u0000.jpg`, contenttype: "image/jpeg" }] },
        { name: "p2", type: "picture", description_text: "The gate\u0000\u0007 at night", renditions: [{ name: "original", href: `${picturesUrl}/embassy-nul.jpg`, contenttype: "image/jpeg" }] },
      ]),
    );
    expect(status, JSON.stringify(story)).toBe(201);
    expect(story.leadImage).toMatchObject({ caption: "The gate at night" });
    expect(story.body).not.toContain("<figure");
  });

  it("comes in without a picture that cannot be had, and says why", async () => {
    const { status, body: story } = await send(
      ninjs(uri(), [
        { name: "featureimage", type: "picture", renditions: [{ name: "original", href: `${picturesUrl}/gone.jpg`, contenttype: "image/jpeg" }] },
        { name: "p2", type: "picture", renditions: [{ name: "original", href: `${picturesUrl}/page.jpg`, contenttype: "image/jpeg" }] },
        { name: "p3", type: "picture", renditions: [{ name: "original", href: "http://169.254.169.254/latest/meta-data/", contenttype: "image/jpeg" }] },
        { name: "p4", type: "picture", renditions: [{ name: "original", href: "file:///etc/passwd", contenttype: "image/jpeg" }] },
        { name: "p5", type: "picture", renditions: [{ name: "original", href: "pics/beside.jpg", contenttype: "image/jpeg" }] },
      ]),
    );
    expect(status, JSON.stringify(story)).toBe(201);
    expect(story.leadImage).toBeNull();
    expect(story.body).not.toContain("<figure");
    const said = await problems(story.ingest.wireItemId!);
    expect(said).toContainEqual(`picture 1 (${picturesUrl}/gone.jpg) was not taken: 127.0.0.1:${new URL(picturesUrl).port} answered 404 Not Found`);
    expect(said.find((line) => line.startsWith("picture 2"))).toMatch(/page\.jpg\) was not taken: .*(not a picture|not an image|JPEG, PNG, WebP)/i);
    expect(said).toContainEqual("picture 3 (http://169.254.169.254/latest/meta-data/) was not taken: 169.254.169.254 is a private address");
    expect(said.find((line) => line.startsWith("picture 4"))).toMatch(/names a file beside the item, and this item did not come from a folder or FTP server/);
    expect(said.find((line) => line.startsWith("picture 5"))).toMatch(/names a file beside the item, and this item did not come from a folder or FTP server/);
  });
});

describe("wire pictures on the desk and from files", () => {
  it("lead the draft an editor takes from the queue", async () => {
    const itemId = await queueWireItem(ninjs(uri(), { featureimage: featureimage("embassy-3.jpg") }));
    // The desk shows the item's pictures beside its copy.
    const detail = (await api<{ pictures: ApiMedia[] }>("GET", `/api/v1/wire/items/${itemId}`, { key: editor.apiKey })).body;
    expect(detail.pictures.map((each) => [each.caption, each.credit])).toEqual([["Police officers stand outside the Indian embassy in Moscow on December 27, 2023.", "ANI"]]);
    const taken = await api<ApiStory & { leadImage: ApiMedia | null }>("POST", `/api/v1/wire/items/${itemId}/take`, { key: editor.apiKey });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect(taken.body.leadImage).toMatchObject({ credit: "ANI", byline: "Yuri Kochetkov" });
  });

  it("are read beside a NINJS file ingested from a folder, never outside it", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "wire-pictures-"));
    fs.mkdirSync(path.join(folder, "pics"));
    fs.writeFileSync(path.join(folder, "pics", "embassy.jpg"), await pictureFor("folder"));
    const headline = unique("Embassy from a folder");
    fs.writeFileSync(
      path.join(folder, "item.json"),
      JSON.stringify({
        uri: uri(),
        headline,
        body_text: `MOSCOW, Dec 27 (ANI): ${distinctWords()}.`,
        associations: { featureimage: { type: "picture", headline: "At the gate", copyrightholder: "ANI", renditions: { original: { href: "pics/embassy.jpg" } } }, other: { type: "picture", renditions: { original: { href: "../../etc/hostname" } } } },
      }),
    );
    try {
      const result = await cli("wire", "ingest", folder);
      // The picture is not taken for copy.
      expect(result.stdout).toMatch(/created 1\b/);
      expect(result.stdout).toMatch(/skipped 1\b/);
      const listed = (await api<{ items: (ApiStory & { leadImage: ApiMedia | null; leadImageId: string | null })[] }>("GET", `/api/v1/stories?q=${encodeURIComponent(headline)}`, { key: editor.apiKey })).body.items;
      expect(listed).toHaveLength(1);
      const story = (await api<Story>("GET", `/api/v1/stories/${listed[0].id}`, { key: editor.apiKey })).body;
      expect(story.leadImage).toMatchObject({ caption: "At the gate", credit: "ANI", width: 1600 });
      expect(story.body).not.toContain("<figure");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("a NewsML-G2 message with a picture", () => {
  it("leads the story a package groups it with", async () => {
    const guid = uri();
    const headline = unique("Floods force thousands from homes");
    const message = `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
  <packageItem guid="${guid}:pkg" version="1"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta>
    <groupSet root="G1"><group id="G1"><itemRef residref="${guid}:text"/><itemRef residref="${guid}:pic"/></group></groupSet></packageItem>
  <newsItem guid="${guid}:text" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>${headline}</headline></contentMeta>
    <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>MILAN, March 13 (Reuters) - ${distinctWords()}.</p></body></html></inlineXML></contentSet></newsItem>
  <newsItem guid="${guid}:pic" version="1"><rightsInfo><copyrightNotice>Copyright 2026 Reuters</copyrightNotice></rightsInfo><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
    <contentMeta><description role="drol:caption">A man wades through a flooded street in Piacenza.</description><creditline>REUTERS/Flavio Lo Scalzo</creditline><by>Flavio Lo Scalzo</by></contentMeta>
    <contentSet><remoteContent rendition="rnd:highRes" href="${picturesUrl}/embassy-g2.jpg" contenttype="image/jpeg" width="1600" height="1067"/></contentSet></newsItem>
</itemSet></newsMessage>`;
    const { status, body: story } = await api<Story>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: message, headers: { "Content-Type": "application/xml" } });
    expect(status, JSON.stringify(story)).toBe(201);
    expect(story.headline).toBe(headline);
    expect(story.leadImage).toMatchObject({ caption: "A man wades through a flooded street in Piacenza.", credit: "REUTERS/Flavio Lo Scalzo", byline: "Flavio Lo Scalzo", copyright: "Copyright 2026 Reuters" });
  });
});
