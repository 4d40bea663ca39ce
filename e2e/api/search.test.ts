import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { api, baseUrl, getPage, makeStory, makeUser, type TestUser } from "@/e2e/fixtures/factories";

// /search: full-text over headline, standfirst and body of live stories, ranked, highlighted, paged.

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

/** A made-up word no other test's story contains. */
const word = () => `zq${randomBytes(5).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)])}`;

async function published(fields: Record<string, unknown>) {
  const story = await makeStory(writer, fields);
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  return story;
}

const resultSlugs = (html: string) => [...html.matchAll(/<h2[^>]*><a[^>]*href="\/stories\/([^"]+)"/g)].map((m) => m[1]);

describe("search", () => {
  it("finds live stories by words of the body, ranks a headline match first, and highlights the words", async () => {
    const term = word();
    const inBody = await published({ headline: "Council meets on budget", body: `<p>The council discussed ${term} at length on Tuesday.</p>` });
    const inHeadline = await published({ headline: `Why ${term} matters`, body: "<p>A short explainer.</p>" });
    const draft = await makeStory(writer, { headline: `Draft about ${term}` });

    const page = await getPage(`/search?q=${term}`);
    expect(page.status).toBe(200);
    const slugs = resultSlugs(page.text);
    expect(slugs.slice(0, 2)).toEqual([inHeadline.slug, inBody.slug]);
    expect(slugs).not.toContain(draft.slug);
    expect(page.text).toMatch(new RegExp(`<mark[^>]*>${term}</mark>`));
  });

  it("stems English words, so 'elections' finds 'election'", async () => {
    const term = word();
    const story = await published({ headline: `${term} election called`, body: "<p>Voters go to the polls.</p>" });
    expect(resultSlugs((await getPage(`/search?q=${term}+elections`)).text)).toContain(story.slug);
  });

  it("shows the story's text as text: markup-looking words in a snippet are never markup", async () => {
    const term = word();
    await published({ headline: "Markup in copy", body: `<p>${term} said &lt;b&gt;bold&lt;/b&gt; &amp; more</p>` });
    const page = await getPage(`/search?q=${term}`);
    expect(page.text).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(page.text).not.toContain("<b>bold</b>");
  });

  it("pages by cursor with rel=next and rel=prev, without repeating a result", async () => {
    const term = word();
    const stories = [];
    for (let i = 0; i < 23; i++) stories.push(await published({ headline: `Item ${i} ${term}`, body: `<p>${term} ${"more ".repeat(i)}</p>` }));
    const first = await getPage(`/search?q=${term}`);
    const page1 = resultSlugs(first.text);
    expect(page1).toHaveLength(20);
    const next = first.text.match(/<a[^>]*rel="next"[^>]*>/)?.[0].match(/href="([^"]+)"/)?.[1].replace(/&amp;/g, "&");
    expect(next).toBeTruthy();
    const second = await getPage(next!);
    const page2 = resultSlugs(second.text);
    expect(page2).toHaveLength(3);
    expect(second.text).toContain('rel="prev"');
    expect(new Set([...page1, ...page2]).size).toBe(23);
  });

  it("drops a story once it is unpublished, and keeps embargoed ones out", async () => {
    const term = word();
    const story = await published({ headline: `Withdrawn ${term}` });
    const embargoed = await published({ headline: `Embargoed ${term}`, embargoUntil: new Date(Date.now() + 3_600_000).toISOString() });
    expect(resultSlugs((await getPage(`/search?q=${term}`)).text)).toEqual([story.slug]);
    await api("POST", `/api/v1/stories/${story.id}/unpublish`, { key: editor.apiKey });
    const after = await getPage(`/search?q=${term}`);
    expect(resultSlugs(after.text)).toEqual([]);
    expect(after.text).toContain("No published stories match");
    expect(after.text).not.toContain(embargoed.headline);
  });

  it("keeps a result page until something is published, then finds the new story at once", async () => {
    const term = word();
    const before = await fetch(`${baseUrl}/search?q=${term}`);
    expect(await before.text()).toContain("No published stories match");
    // Asked again, it comes from the front's cache: the same validators, and 304 for a conditional GET.
    const again = await fetch(`${baseUrl}/search?q=${term}`, { headers: { "If-None-Match": before.headers.get("etag")! } });
    expect(again.status).toBe(304);
    const story = await published({ headline: `Found at once ${term}` });
    expect(resultSlugs((await getPage(`/search?q=${term}`)).text)).toEqual([story.slug]);
  });

  it("answers odd input with a page, never an error", async () => {
    for (const q of ["", "   ", "&&&", '"unclosed', "-", "a".repeat(5000), "<script>alert(1)</script>"]) {
      const page = await getPage(`/search?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      expect(page.text).not.toContain("<script>alert(1)</script>");
    }
    const stale = await getPage(`/search?q=anything&cursor=not-a-cursor`);
    expect(stale.status).toBe(200);
    expect(stale.text).toContain("out of date");
  });
});
