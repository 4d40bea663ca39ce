import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeUser, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { cli } from "@/e2e/fixtures/cli";
import { readAnswerKey, type ExpectedItem } from "@/lib/wire/check-answer-key";
import { formatDateline } from "@/lib/stories/format-dateline";
import { contentHash } from "@/lib/wire-ingest/content-hash";
import { storedWireText } from "@/lib/wire-ingest/stored-wire-item";

// Issue 12, done means: one item of each form of the corpus (lib/wire/corpus/<form>/) goes in
// through the API and through the CLI, is published, and its page has the paragraphs joined as the
// answer key says, no sign-off, no envelope codes, and the right dateline.

type Ingested = ApiStory & { agency: string | null; ingest: { outcome: string } };
type Case = { form: string; folder: string; item: ExpectedItem };

const { db } = await import("@/lib/db");
const CORPUS = path.resolve("lib/wire/corpus");

/** The first item of each form whose key states its paragraphs and its whole dateline (place and date), as the page shows them. */
function oneOfEachForm(): Case[] {
  return fs
    .readdirSync(CORPUS)
    .sort()
    .flatMap((form) => {
      const folder = path.join(CORPUS, form);
      const item = readAnswerKey(folder)?.find((entry) => typeof entry.paragraphs === "number" && typeof entry.location === "string" && "date" in entry && entry.embargoUntil == null);
      return item ? [{ form, folder, item }] : [];
    });
}

const cases = oneOfEachForm();
const bytes = (c: Case) => fs.readFileSync(path.join(c.folder, c.item.file));
/** The identity ingest gives the case's copy (its wire item's contentHash). */
const hashOf = (c: Case) => contentHash(storedWireText(bytes(c)));
const contentType = (c: Case) => {
  const start = bytes(c).subarray(0, 64).toString("latin1").trimStart();
  return start.startsWith("<") ? "application/xml" : start.startsWith("{") ? "application/json" : "text/plain";
};

let editor: TestUser;

/** Each case's story removed, so the API and the CLI each start from nothing. */
async function forget() {
  await db.story.deleteMany({ where: { wireItems: { some: { contentHash: { in: cases.map(hashOf) } } } } });
}

/** The article body on the page: the paragraphs (and preformatted blocks) inside the prose block. */
function articleBlocks(html: string): string[] {
  const body = html.slice(html.indexOf('class="prose'), html.indexOf("</article>"));
  // The copy's blocks are bare <p> and <pre>; the page's own (credits, tags) carry classes.
  return [...body.matchAll(/<(p|pre)>([\s\S]*?)<\/\1>/g)].map((match) => match[2]);
}

async function publishedPage(storyId: string) {
  const published = await api<ApiStory>("POST", `/api/v1/stories/${storyId}/publish`, { key: editor.apiKey });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  const page = await getPage(`/stories/${published.body.slug}`);
  expect(page.status).toBe(200);
  return page.text;
}

function expectPageAsKeySays(c: Case, html: string, agency: string | null) {
  const blocks = articleBlocks(html);
  expect(blocks.length, `${c.form}: paragraphs on the page`).toBe(c.item.paragraphs);
  // The copy as the page shows it, less the dateline the page itself puts before it.
  const text = blocks.join(" ").replace(/<span class="dateline"[^>]*>[^<]*<\/span>/, "");
  for (const junk of c.item.mustNotContain ?? []) expect(text, `${c.form}: ${junk}`).not.toContain(junk.replace(/&/g, "&amp;"));
  // No envelope bytes nor codes: control characters never reach a page.
  expect(text).not.toMatch(/[\x01-\x08\x0e-\x1f]/);
  const dateline = formatDateline({ location: c.item.location as string, date: (c.item.date as string | null | undefined) ?? null }, agency);
  expect(html, `${c.form}: dateline`).toContain(`data-testid="dateline">${dateline!.replace(/&/g, "&amp;")}</span>`);
}

beforeAll(async () => {
  editor = await makeUser("editor");
  await forget();
});

afterAll(async () => {
  await forget();
  await db.$disconnect();
});

describe("one item of each form of agency copy, to a published page", () => {
  it("has a form to try for each folder of the corpus", () => {
    expect(cases.map((c) => c.form).length).toBeGreaterThanOrEqual(6);
  });

  it("through the API", async () => {
    for (const c of cases) {
      const response = await api<Ingested>("POST", `/api/v1/wire?receivedAt=${c.item.receivedAt}`, {
        key: editor.apiKey,
        rawBody: bytes(c) as unknown as string,
        headers: { "Content-Type": contentType(c) },
      });
      expect(response.status, `${c.form}/${c.item.file}: ${JSON.stringify(response.body)}`).toBe(201);
      if (c.item.agency !== undefined) expect(response.body.agency, c.form).toBe(c.item.agency);
      expectPageAsKeySays(c, await publishedPage(response.body.id), response.body.agency);
    }
  });

  it("through the CLI", async () => {
    await forget();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-forms-"));
    for (const c of cases) fs.writeFileSync(path.join(folder, `${c.form}-${c.item.file}`), bytes(c));
    for (const c of cases) {
      const run = await cli("wire", "ingest", path.join(folder, `${c.form}-${c.item.file}`), "--received-at", c.item.receivedAt);
      expect(run.stdout, `${c.form}: ${run.stdout} ${run.stderr}`).toContain("created 1,");
      expect(run.code).toBe(0);
    }
    for (const c of cases) {
      const story = await db.story.findFirstOrThrow({ where: { wireItems: { some: { contentHash: hashOf(c), channel: "cli" } } }, select: { id: true, agency: true } });
      expectPageAsKeySays(c, await publishedPage(story.id), story.agency);
    }
  });
});
