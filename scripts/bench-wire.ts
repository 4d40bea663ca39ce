import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "./test-database";
import { migrate } from "./migrate";
import type { TagVocabularyEntry } from "@/lib/wire";

// npm run bench:wire — how fast wire copy is read and stored.
//  1. parse: the sample set (prisma/seed/wire) parsed over and over, no NLP (target ≥ 20,000 items/s);
//     the corpus's plain text (every form of lib/wire/corpus, same target) and its NewsML-G2, each on
//     its own line; then with vocabulary tag matching, and with the NLP pass, for comparison.
//  2. ingest: BENCH_WIRE_ITEMS (default 3,000) distinct items made from the samples, stored as draft
//     stories in a fresh database (DATABASE_URL's server, else embedded), BENCH_WIRE_CONCURRENCY at once
//     (target ≥ 1,000 stories/s on PostgreSQL).

const SAMPLES = path.resolve("prisma/seed/wire");
const CORPUS = path.resolve("lib/wire/corpus");
const RECEIVED = new Date("2026-03-09T12:00:00Z");

function rate(count: number, ms: number) {
  return Math.round((count / ms) * 1000).toLocaleString("en-US");
}

/** The corpus's items (lib/wire/corpus/<form>/), as plain text (with or without an envelope) and as NewsML-G2. */
function corpusItems(): { text: Buffer[]; newsml: Buffer[] } {
  const text: Buffer[] = [];
  const newsml: Buffer[] = [];
  if (!fs.existsSync(CORPUS)) return { text, newsml };
  for (const form of fs.readdirSync(CORPUS).sort()) {
    const folder = path.join(CORPUS, form);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs.readdirSync(folder).sort()) {
      if (name === "expected.json" || name.endsWith(".md")) continue;
      const raw = fs.readFileSync(path.join(folder, name));
      const start = raw.subarray(0, 200).toString("latin1").replace(/^[\s\ufeff\u00ef\u00bb\u00bf\u00fe\u00ff]+/, "");
      if (start.startsWith("<")) newsml.push(raw);
      else if (!start.startsWith("{") && !start.startsWith("[")) text.push(raw);
    }
  }
  return { text, newsml };
}

async function benchParse(samples: Buffer[]) {
  const { parseWireItem, parseWireItems, suggestTags, TagVocabulary } = await import("@/lib/wire");
  const timed = (label: string, seconds: number, work: (raw: Buffer) => void, items = samples) => {
    if (items.length === 0) return console.log(`${label.padEnd(44)} (no items)`);
    for (let i = 0; i < 200; i++) work(items[i % items.length]); // warm up
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      for (const raw of items) work(raw);
      count += items.length;
    }
    const ms = performance.now() - started;
    console.log(`${label.padEnd(44)} ${rate(count, ms).padStart(10)} items/s  (${count.toLocaleString("en-US")} items)`);
  };
  const entries: TagVocabularyEntry[] = Array.from({ length: 10_000 }, (_, i) => ({ name: `Vocabulary Entry ${i}`, type: "topic", aliases: [] }));
  entries.push({ name: "S Jaishankar", type: "person", aliases: ["Jaishankar"] }, { name: "Reserve Bank of India", type: "organisation", aliases: ["RBI"] });
  const vocabulary = new TagVocabulary(entries);
  timed("parse (datelines, embargo, clean-up)", 3, (raw) => parseWireItem(raw, { receivedAt: RECEIVED }));
  const corpus = corpusItems();
  // Only what parses: the corpus keeps refused forms too (a lone picture or package).
  const parses = (raw: Buffer) => {
    try {
      return parseWireItems(raw, { receivedAt: RECEIVED }).length > 0;
    } catch {
      return false;
    }
  };
  corpus.text = corpus.text.filter(parses);
  corpus.newsml = corpus.newsml.filter(parses);
  // Every form of plain copy in the corpus: hard-wrapped takes, tables, envelopes, encodings, markers.
  timed(`parse the corpus's plain text (${corpus.text.length} items)`, 3, (raw) => parseWireItems(raw, { receivedAt: RECEIVED }), corpus.text);
  timed(`parse the corpus's NewsML-G2 (${corpus.newsml.length} files)`, 3, (raw) => parseWireItems(raw, { receivedAt: RECEIVED }), corpus.newsml);
  timed("parse + tags from a 10,000-tag vocabulary", 3, (raw) => suggestTags(parseWireItem(raw, { receivedAt: RECEIVED }), { vocabulary }));
  timed("parse + vocabulary + NLP (compromise)", 3, (raw) => suggestTags(parseWireItem(raw, { receivedAt: RECEIVED }), { vocabulary, nlp: true }));
}

/** Distinct items: each sample with a numbered sentence added (text) or a unique uri (NINJS). */
function syntheticItems(samples: { name: string; raw: string }[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const sample = samples[i % samples.length];
    if (sample.name.endsWith(".json")) {
      const item = JSON.parse(sample.raw) as Record<string, unknown>;
      return JSON.stringify({ ...item, uri: `${item.uri}:bench-${i}`, headline: `${item.headline} (${i})` });
    }
    const lines = sample.raw.trimEnd().split("\n");
    const at = Math.max(1, Math.min(lines.length - 1, 2));
    lines.splice(at, 0, `Bench paragraph number ${i} keeps this item distinct from the others.`);
    return lines.join("\n");
  });
}

async function benchIngest(samples: { name: string; raw: string }[]) {
  const total = Number(process.env.BENCH_WIRE_ITEMS ?? 3000);
  const concurrency = Number(process.env.BENCH_WIRE_CONCURRENCY ?? 2);
  if (total === 0) return; // BENCH_WIRE_ITEMS=0: the parser only
  const database = await createTestDatabase();
  try {
    await migrate(database.url, () => {});
    process.env.DATABASE_URL = database.url;
    process.env.DATABASE_POOL_SIZE = String(concurrency + 2);
    // Every batch is a transaction, on the writers' connections (lib/db.ts).
    process.env.DATABASE_WRITE_POOL_SIZE = String(concurrency + 2);
    const { ingestWireItem } = await import("@/lib/wire-ingest/ingest-wire-item");
    const { ingestWireItems } = await import("@/lib/wire-ingest/ingest-wire-items");
    const { wireDeskActor } = await import("@/lib/wire-ingest/wire-desk");
    const { db } = await import("@/lib/db");
    const actor = await wireDeskActor();
    const CLI = { channel: "cli", apiKeyId: null } as const;
    const items = syntheticItems(samples, total);
    // Warm the connection pool and the query compiler on a few items first.
    for (const raw of syntheticItems(samples, 20).map((r) => r.replace("Bench paragraph", "Warm-up paragraph"))) await ingestWireItem({ actor, via: CLI, raw, receivedAt: RECEIVED });
    // Batches of 250, two at once: how `cli -- wire ingest` and bulk API callers store copy.
    const batches: string[][] = [];
    for (let i = 0; i < items.length; i += 250) batches.push(items.slice(i, i + 250));
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches.length) {
          const results = await ingestWireItems({ actor, via: CLI, items: batches[next++].map((raw) => ({ raw, receivedAt: RECEIVED })) });
          const failed = results.find((r) => !r.ok);
          if (failed && !failed.ok) throw failed.error;
        }
      }),
    );
    const ms = performance.now() - started;
    const stories = await db.story.count();
    console.log(`${"ingest into " + database.describe.split(" on ")[0].replace(/ dateline_test.*/, "")}`.padEnd(44) + ` ${rate(total, ms).padStart(10)} stories/s  (${total.toLocaleString("en-US")} items in batches of 250, ${concurrency} at once, ${stories.toLocaleString("en-US")} stories stored)`);

    const again = performance.now();
    const repeat = await ingestWireItems({ actor, via: CLI, items: items.slice(0, 1000).map((raw) => ({ raw, receivedAt: RECEIVED })) });
    const duplicates = repeat.filter((r) => r.ok && r.outcome === "duplicate").length;
    console.log(`${"re-ingest, one batch (duplicates found)".padEnd(44)} ${rate(1000, performance.now() - again).padStart(10)} items/s  (${duplicates}/1000 recognised as duplicates)`);
    const single = performance.now();
    for (const raw of syntheticItems(samples, 100).map((r) => r.replace("Bench paragraph", "Single paragraph"))) await ingestWireItem({ actor, via: CLI, raw, receivedAt: RECEIVED });
    console.log(`${"one item at a time (API, New from wire)".padEnd(44)} ${rate(100, performance.now() - single).padStart(10)} stories/s  (100 items)`);
    await db.$disconnect();
  } finally {
    await database.drop();
  }
}

async function main() {
  const names = fs.readdirSync(SAMPLES).sort();
  const samples = names.map((name) => ({ name, raw: fs.readFileSync(path.join(SAMPLES, name), "utf8") }));
  console.log(`Dateline wire bench · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · node ${process.version} · ${samples.length} sample items`);
  await benchParse(samples.map((s) => Buffer.from(s.raw)));
  await benchIngest(samples);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
