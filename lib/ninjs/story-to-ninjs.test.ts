import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { ninjsValidator } from "@/lib/ninjs/ninjs-validator";
import { absoluteUrl } from "@/lib/site/urls";
import { storyToNinjs, type NinjsSourceStory } from "@/lib/ninjs/story-to-ninjs";

const validate = ninjsValidator();
const site = env().SITE_URL;
const now = new Date("2026-03-03T12:00:00.000Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

const base: NinjsSourceStory = {
  id: "0b7e4a56-2f7c-4c1e-9d62-6f0d3f7b8a11",
  slug: "jaishankar-meets-lavrov",
  headline: "Jaishankar meets Lavrov in Moscow",
  standfirst: "",
  body: "<p>First paragraph.</p><p>Second <strong>one</strong> &amp; more.</p>",
  status: "draft",
  version: 1,
  byline: null,
  agency: null,
  credits: null,
  datelineLocation: null,
  datelineCountry: null,
  embargoUntil: null,
  publishedAt: null,
  scheduledAt: null,
  createdAt: hoursFromNow(-5),
  updatedAt: hoursFromNow(-4),
  wireGuid: null,
  tags: [],
  leadImage: null,
};

const live: NinjsSourceStory = {
  ...base,
  status: "published",
  version: 4,
  standfirst: "The ministers met for two hours.",
  byline: "Polina Devitt",
  agency: "ANI",
  credits: "(Reporting by Polina Devitt; Editing by Chris Reese)",
  datelineLocation: "Moscow",
  datelineCountry: "Russia",
  publishedAt: hoursFromNow(-3),
  wireGuid: "urn:newsml:ani.in:20260303:moscow-jaishankar",
  tags: [
    { name: "Diplomacy", slug: "diplomacy", type: "topic" },
    { name: "S Jaishankar", slug: "s-jaishankar", type: "person" },
    { name: "Sergei Lavrov", slug: "sergei-lavrov", type: "person" },
    { name: "Russia", slug: "russia", type: "place" },
    { name: "BRICS", slug: "brics", type: "organisation" },
  ],
};

const embargoed: NinjsSourceStory = { ...base, status: "scheduled", embargoUntil: hoursFromNow(2), publishedAt: hoursFromNow(2), scheduledAt: hoursFromNow(2) };
const killed: NinjsSourceStory = { ...live, status: "killed", version: 5 };
const pictured: NinjsSourceStory = {
  ...live,
  leadImage: {
    id: "5d1f8a4e-7b3c-4e2a-9f10-2c6b8d9e0a11",
    caption: "Police outside the Indian embassy in Moscow.",
    credit: "ANI",
    byline: "Yuri Kochetkov",
    copyright: "© 2023 ANI Media Pvt Ltd",
    alt: "Police officers at the embassy gate",
    renditions: [
      { ratio: "16:9", width: 1200, height: 675, format: "jpeg", key: "0123456789abcdef0123456789abcdef.jpg", bytes: 81234 },
      { ratio: "1:1", width: 1067, height: 1067, format: "avif", key: "fedcba9876543210fedcba9876543210.avif", bytes: 40321 },
    ],
  },
};

/** What a consumer receives: the JSON text, parsed. */
const asSent = (story: NinjsSourceStory) => JSON.parse(JSON.stringify(storyToNinjs(story, now)));

describe("storyToNinjs", () => {
  it.each([
    ["draft", base],
    ["live, with tags of every type and a dateline", live],
    ["embargoed", embargoed],
    ["killed", killed],
    ["with a lead picture", pictured],
  ])("writes NINJS that IPTC's 2.1 schema accepts for a story: %s", (_name, story) => {
    const result = validate(asSent(story));
    expect(result.errors).toBe("No errors");
    expect(result.valid).toBe(true);
  });

  it("maps a live story's text, people, places, organisations, subjects and provenance", () => {
    const ninjs = asSent(live);
    expect(ninjs).toMatchObject({
      uri: `${site}/api/v1/stories/${live.id}`,
      type: "text",
      version: "4",
      pubstatus: "usable",
      language: "en",
      firstcreated: live.createdAt.toISOString(),
      versioncreated: live.updatedAt.toISOString(),
      headlines: [{ role: "main", value: live.headline }],
      descriptions: [
        { role: "summary", value: live.standfirst },
        { role: "credits", value: live.credits },
      ],
      bodies: [{ role: "main", contenttype: "text/html", value: live.body, wordcount: 5 }],
      by: "Polina Devitt",
      located: "Moscow, Russia",
      infosources: [{ name: "ANI" }],
      altids: [{ role: "agency-uri", value: live.wireGuid }],
      renditions: [{ name: "web", href: `${site}/stories/jaishankar-meets-lavrov`, contenttype: "text/html" }],
    });
    expect(ninjs.subjects).toEqual([{ name: "Diplomacy", uri: `${site}/tags/diplomacy`, literal: "diplomacy" }]);
    expect(ninjs.people.map((person: { name: string }) => person.name)).toEqual(["S Jaishankar", "Sergei Lavrov"]);
    expect(ninjs.places.map((place: { name: string }) => place.name)).toEqual(["Russia"]);
    expect(ninjs.organisations.map((organisation: { name: string }) => organisation.name)).toEqual(["BRICS"]);
    expect(ninjs).not.toHaveProperty("embargoed");
    expect(ninjs).not.toHaveProperty("ednote");
  });

  it("carries the lead picture as an association, with its caption, credit and every rendition", () => {
    expect(asSent(pictured).associations).toEqual([
      {
        name: "featureimage",
        uri: absoluteUrl("/api/v1/media/5d1f8a4e-7b3c-4e2a-9f10-2c6b8d9e0a11"),
        type: "picture",
        representationtype: "full",
        descriptions: [
          { role: "caption", contenttype: "text/plain", value: "Police outside the Indian embassy in Moscow." },
          { role: "alt", contenttype: "text/plain", value: "Police officers at the embassy gate" },
        ],
        by: "Yuri Kochetkov",
        infosources: [{ name: "ANI" }],
        copyrightnotice: "© 2023 ANI Media Pvt Ltd",
        renditions: [
          { name: "16x9-1200-jpeg", href: absoluteUrl("/media/0123456789abcdef0123456789abcdef.jpg"), contenttype: "image/jpeg", width: 1200, height: 675, sizeinbytes: 81234 },
          { name: "1x1-1067-avif", href: absoluteUrl("/media/fedcba9876543210fedcba9876543210.avif"), contenttype: "image/avif", width: 1067, height: 1067, sizeinbytes: 40321 },
        ],
      },
    ]);
    expect(asSent(live).associations).toBeUndefined();
  });

  it("keeps the uri when the slug changes", () => {
    expect(asSent({ ...live, slug: "renamed" }).uri).toBe(asSent(live).uri);
  });

  it("withholds anything readers may not see yet, and names the embargo", () => {
    const ninjs = asSent(embargoed);
    expect(ninjs.pubstatus).toBe("withheld");
    expect(ninjs.embargoed).toBe(embargoed.embargoUntil!.toISOString());
    expect(ninjs.ednote).toContain("Embargoed until");
    expect(ninjs).not.toHaveProperty("renditions");
    expect(asSent(base).pubstatus).toBe("withheld");
    expect(asSent({ ...live, status: "unpublished" }).pubstatus).toBe("withheld");
    expect(asSent({ ...live, status: "scheduled", publishedAt: hoursFromNow(1), scheduledAt: hoursFromNow(1) }).pubstatus).toBe("withheld");
    // Published once and scheduled to come back: its first publication is past, its return is not.
    const returning = asSent({ ...live, status: "scheduled", scheduledAt: hoursFromNow(1) });
    expect(returning).toMatchObject({ pubstatus: "withheld", ednote: expect.stringContaining(hoursFromNow(1).toISOString().slice(0, 13)) });
    // Once the embargo has lifted the story is usable, and still says when the embargo was.
    const lifted = { ...embargoed, embargoUntil: hoursFromNow(-1), publishedAt: hoursFromNow(-1), scheduledAt: hoursFromNow(-1) };
    expect(asSent(lifted)).toMatchObject({ pubstatus: "usable", embargoed: lifted.embargoUntil.toISOString() });
  });

  it("cancels a killed story", () => {
    const ninjs = asSent(killed);
    expect(ninjs.pubstatus).toBe("canceled");
    expect(ninjs.ednote).toContain("Killed");
    expect(ninjs).not.toHaveProperty("renditions");
  });

  it("leaves out what a draft does not have, rather than sending empty values", () => {
    const ninjs = asSent(base);
    for (const key of ["descriptions", "by", "located", "subjects", "people", "places", "organisations", "infosources", "altids", "embargoed"]) {
      expect(ninjs).not.toHaveProperty(key);
    }
  });
});

describe("the schema check itself", () => {
  it("refuses what IPTC's schema does not allow, so a pass means something", () => {
    const ninjs = asSent(live);
    expect(validate({ ...ninjs, bylines: [{ byline: "x" }] }).valid).toBe(false);
    expect(validate({ ...ninjs, pubstatus: "published" }).valid).toBe(false);
    expect(validate({ ...ninjs, versioncreated: "yesterday" }).valid).toBe(false);
    expect(validate({ ...ninjs, uri: "not a uri" }).valid).toBe(false);
    expect(validate({ type: "text" }).valid).toBe(false);
  });
});
