import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWireItem, parseWireItems } from "@/lib/wire";

const receivedAt = new Date("2026-03-03T10:15:00Z");
const ninjs = (fields: Record<string, unknown>) => parseWireItem(JSON.stringify({ uri: "urn:x:1", headline: "Police guard the embassy", body_text: "MOSCOW, Dec 27 (ANI): Police stood guard.", ...fields }), { receivedAt });

describe("pictures in NINJS", () => {
  it("reads NINJS 1's associations, keyed by name, with the featureimage first and its largest rendition", () => {
    const item = ninjs({
      associations: {
        gallery1: { type: "picture", uri: "urn:pic:2", renditions: { original: { href: "https://img.example.org/2.jpg", mimetype: "image/jpeg" } } },
        featureimage: {
          type: "picture",
          uri: "urn:pic:1",
          headline: "Embassy",
          description_text: "Police officers stand outside the <b>Indian embassy</b> in Moscow.",
          byline: "Yuri Kochetkov",
          copyrightholder: "ANI",
          copyrightnotice: "© 2023 ANI",
          renditions: {
            thumbnail: { href: "https://img.example.org/1-thumb.jpg", mimetype: "image/jpeg", width: 200, height: 133 },
            baseImage: { href: "https://img.example.org/1.jpg", mimetype: "image/jpeg", width: 3000, height: 2000 },
            viewImage: { href: "https://img.example.org/1-view.jpg", mimetype: "image/jpeg", width: 1024, height: 683 },
          },
        },
        video: { type: "video", renditions: { original: { href: "https://img.example.org/v.mp4", mimetype: "video/mp4" } } },
      },
    });
    expect(item.pictures).toEqual([
      { uri: "urn:pic:1", href: "https://img.example.org/1.jpg", caption: "Police officers stand outside the Indian embassy in Moscow.", credit: "ANI", byline: "Yuri Kochetkov", copyright: "© 2023 ANI", alt: "" },
      { uri: "urn:pic:2", href: "https://img.example.org/2.jpg", caption: "", credit: "", byline: "", copyright: "", alt: "" },
    ]);
  });

  it("reads NINJS 2's array of associations, as our own NINJS writes them (caption, alt, infosources)", () => {
    const item = ninjs({
      associations: [
        {
          name: "featureimage",
          type: "picture",
          uri: "https://news.example.com/api/v1/media/1",
          descriptions: [
            { role: "caption", contenttype: "text/plain", value: "A man wades through a flooded street" },
            { role: "alt", contenttype: "text/plain", value: "A man in water up to his knees" },
          ],
          by: "Flavio Lo Scalzo",
          infosources: [{ name: "Reuters" }],
          renditions: [
            { name: "16x9-400-jpeg", href: "https://news.example.com/media/a.jpg", contenttype: "image/jpeg", width: 400, height: 225 },
            { name: "original-1600-avif", href: "https://news.example.com/media/b.avif", contenttype: "image/avif", width: 1600, height: 1067 },
          ],
        },
      ],
    });
    expect(item.pictures).toEqual([
      { uri: "https://news.example.com/api/v1/media/1", href: "https://news.example.com/media/b.avif", caption: "A man wades through a flooded street", credit: "Reuters", byline: "Flavio Lo Scalzo", copyright: "", alt: "A man in water up to his knees" },
    ]);
  });

  it("leaves out what is no picture to fetch, and never fails the item for it", () => {
    for (const associations of [null, "x", 3, [], {}, [null, 1, "a"], { a: { renditions: {} } }, { a: { renditions: { x: { href: "" } } } }, { a: { renditions: { x: { href: "https://e.org/a.pdf", mimetype: "application/pdf" } } } }]) {
      const item = ninjs({ associations });
      expect(item.pictures, JSON.stringify(associations)).toEqual([]);
      expect(item.parse.headline).toBe("Police guard the embassy");
    }
  });

  it("takes no address holding control characters, or longer than any address", () => {
    for (const href of ["https://e.org/a\u0000.jpg", "https://e.org/\u001b[31m.jpg", `https://e.org/${"a".repeat(3000)}.jpg`]) {
      expect(ninjs({ associations: { featureimage: { renditions: { o: { href } } } } }).pictures, href.slice(0, 30)).toEqual([]);
    }
  });

  it("keeps control characters and huge captions out, and takes ten pictures at most", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`p${i}`, { description_text: `Caption\u0000 ${"x".repeat(5000)}`, renditions: { o: { href: `https://e.org/${i}.jpg` } } }]));
    const { pictures } = ninjs({ associations: many });
    expect(pictures).toHaveLength(10);
    expect(pictures[0].caption).not.toContain("\u0000");
    expect(pictures[0].caption.length).toBeLessThanOrEqual(2000);
  });
});

describe("pictures in NewsML-G2", () => {
  it("gives a package's picture items to the stories it groups them with, with caption and credit", () => {
    const items = parseWireItems(fs.readFileSync("lib/wire/corpus/newsml/message-package.xml"), { receivedAt });
    const main = items.find((item) => item.parse.guid === "tag:reuters.com,2026:newsml_FLOODS_MAIN")!;
    expect(main.pictures).toEqual([
      { uri: "tag:reuters.com,2026:pic_FLOODS_01", href: "https://pictures.example.org/floods-01.jpg", caption: "A man wades through a flooded street in Piacenza", credit: "", byline: "", copyright: "", alt: "" },
    ]);
  });

  it("gives a message of one story every picture in it, reading description, creditline, by and rights", () => {
    const message = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
      <newsItem guid="s1" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta><contentMeta><headline>Floods</headline></contentMeta>
        <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>MILAN, March 13 (Reuters) - Floods.</p></body></html></inlineXML></contentSet></newsItem>
      <newsItem guid="p1" version="1"><rightsInfo><copyrightHolder literal="Thomson Reuters"/><copyrightNotice>Copyright 2026 Reuters</copyrightNotice></rightsInfo>
        <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
        <contentMeta><headline>Floods</headline><description role="drol:caption">A man wades &lt;i&gt;through&lt;/i&gt; water.</description><creditline>REUTERS/Flavio Lo Scalzo</creditline><by>Flavio Lo Scalzo</by></contentMeta>
        <contentSet><remoteContent rendition="rnd:thumbnail" href="https://p.example.org/t.jpg" contenttype="image/jpeg" width="120" height="80"/>
          <remoteContent rendition="rnd:highRes" href="https://p.example.org/h.jpg" contenttype="image/jpeg" width="4000" height="2667"/></contentSet></newsItem>
    </itemSet></newsMessage>`;
    const [story] = parseWireItems(message, { receivedAt });
    expect(story.pictures).toEqual([{ uri: "p1", href: "https://p.example.org/h.jpg", caption: "A man wades through water.", credit: "REUTERS/Flavio Lo Scalzo", byline: "Flavio Lo Scalzo", copyright: "Copyright 2026 Reuters", alt: "" }]);
  });

  it("carries none for plain copy", () => {
    expect(parseWireItem("MOSCOW, Dec 27 (ANI): Police stood guard outside the embassy.", { receivedAt }).pictures).toEqual([]);
  });
});
