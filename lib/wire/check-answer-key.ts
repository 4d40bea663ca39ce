import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseWire } from "@/lib/wire/parse-wire";
import type { WireParse } from "@/lib/wire/types";
import { WireError } from "@/lib/wire/wire-error";

/** One item of an answer key (the format of shared/wire/expected.json: its README explains the checks). */
export type ExpectedItem = Partial<Record<keyof WireParse, unknown>> & {
  file: string;
  receivedAt: string;
  paragraphs?: number;
  bodyStartsWith?: string;
  bodyEndsWith?: string;
  mustContain?: string[];
  mustNotContain?: string[];
  tagsInclude?: string[];
  tagsExclude?: string[];
};

/** A check of one item that failed: which, what the key says, what the parser made of it. */
export type Miss = { file: string; check: string; expected: unknown; actual: unknown };

/** The parse's fields an answer key may state exactly, in the order `wire parse` prints them. */
export const KEY_FIELDS = [
  "format", "agency", "location", "country", "date", "embargoUntil", "guid", "version", "headline", "byline", "credits",
  "headlineProposed", "priority", "slugline", "category", "wordCount", "take", "envelope", "problems",
] as const satisfies readonly (keyof WireParse)[];

/** The checks of the body and tags, after the fields. */
const BODY_CHECKS = ["paragraphs", "bodyStartsWith", "bodyEndsWith", "mustContain", "mustNotContain", "tagsInclude", "tagsExclude"];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const clip = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text);

/**
 * Every check the key makes of one item, each with whether it held. `check` names a parse field,
 * or paragraphs / bodyStartsWith / bodyEndsWith / mustContain / mustNotContain / tagsInclude /
 * tagsExclude, which apply to the paragraphs joined with spaces (shared/wire/README.md).
 */
export function checkItem(expected: ExpectedItem, parse: WireParse): { check: string; ok: boolean; expected: unknown; actual: unknown }[] {
  const results: { check: string; ok: boolean; expected: unknown; actual: unknown }[] = [];
  const add = (check: string, ok: boolean, want: unknown, actual: unknown) => results.push({ check, ok, expected: want, actual });
  for (const field of KEY_FIELDS) if (field in expected) add(field, same(parse[field], expected[field]), expected[field], parse[field]);
  const body = parse.paragraphs.join(" ");
  if (expected.paragraphs !== undefined) add("paragraphs", parse.paragraphs.length === expected.paragraphs, expected.paragraphs, parse.paragraphs.length);
  if (expected.bodyStartsWith) add("bodyStartsWith", body.startsWith(expected.bodyStartsWith), expected.bodyStartsWith, clip(body));
  if (expected.bodyEndsWith) add("bodyEndsWith", body.endsWith(expected.bodyEndsWith), expected.bodyEndsWith, `…${body.slice(-100)}`);
  for (const text of expected.mustContain ?? []) add("mustContain", body.includes(text), text, "absent");
  for (const text of expected.mustNotContain ?? []) add("mustNotContain", !body.includes(text), text, "present");
  const tags = parse.tags.map((tag) => tag.name);
  for (const name of expected.tagsInclude ?? []) add("tagsInclude", tags.includes(name), name, tags);
  for (const name of expected.tagsExclude ?? []) add("tagsExclude", !tags.includes(name), name, "present");
  return results;
}

/** An answer key that cannot be used as one, said in a line: not JSON, the wrong shape, a file outside its folder. */
export class AnswerKeyError extends Error {}

const texts = z.array(z.string());
// The key's own fields are checked for shape; the parse's fields may hold any JSON the parse could.
const keySchema = z.object({
  items: z.array(
    z.looseObject({
      // A file beside the key: a name, never a path that leads out of the folder.
      file: z.string().min(1).refine((name) => !name.includes("/") && !name.includes("\\") && name !== "." && name !== "..", "must be a file name in the key's folder"),
      receivedAt: z.string().refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), "must be an ISO 8601 instant such as 2026-03-03T08:30:00Z"),
      paragraphs: z.number().int().min(0).optional(),
      bodyStartsWith: z.string().optional(),
      bodyEndsWith: z.string().optional(),
      mustContain: texts.optional(),
      mustNotContain: texts.optional(),
      tagsInclude: texts.optional(),
      tagsExclude: texts.optional(),
    }),
  ),
});

/** The answer key of a folder (its expected.json), or null where it has none; AnswerKeyError where it is no usable key. */
export function readAnswerKey(folder: string): ExpectedItem[] | null {
  const file = path.join(folder, "expected.json");
  if (!fs.existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new AnswerKeyError(`${file} is not valid JSON (${(error as Error).message})`);
  }
  const key = keySchema.safeParse(json);
  if (!key.success) {
    const issue = key.error.issues[0];
    throw new AnswerKeyError(`${file}: ${issue.path.join(".") || "the key"} ${issue.path.length ? issue.message.replace(/^Invalid input: /, "") : "must be an object with an items list"}`);
  }
  return key.data.items as ExpectedItem[];
}

/** The item's parse for its key, or the parser's refusal as a WireError. */
export function parseKeyItem(folder: string, expected: ExpectedItem): WireParse {
  return parseWire(fs.readFileSync(path.join(folder, expected.file)), { receivedAt: new Date(expected.receivedAt) });
}

export type KeyReport = { items: number; folders: number; fields: Map<string, { right: number; of: number }>; misses: Miss[] };

/**
 * Checks a folder of copy against its answer key, and every folder under it that has one (a
 * corpus kept as one folder per form): per check, how many items are right, and each miss.
 */
export function checkAnswerKeys(root: string): KeyReport {
  const report: KeyReport = { items: 0, folders: 0, fields: new Map(), misses: [] };
  const visit = (folder: string) => {
    const key = readAnswerKey(folder);
    if (key) {
      report.folders++;
      for (const expected of key) {
        report.items++;
        const file = path.relative(root, path.join(folder, expected.file)) || expected.file;
        let results: ReturnType<typeof checkItem>;
        try {
          results = checkItem(expected, parseKeyItem(folder, expected));
        } catch (error) {
          if (!(error instanceof WireError) && !(error as NodeJS.ErrnoException).code) throw error;
          results = [{ check: "parse", ok: false, expected: "a parse", actual: (error as Error).message }];
        }
        // A check made several times for one item (mustContain ×3) counts once: right when all hold.
        const byCheck = new Map<string, boolean>();
        for (const result of results) {
          byCheck.set(result.check, (byCheck.get(result.check) ?? true) && result.ok);
          if (!result.ok) report.misses.push({ file, check: result.check, expected: result.expected, actual: result.actual });
        }
        for (const [check, ok] of byCheck) {
          const tally = report.fields.get(check) ?? { right: 0, of: 0 };
          tally.of++;
          if (ok) tally.right++;
          report.fields.set(check, tally);
        }
      }
    }
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && !entry.name.startsWith(".")) visit(path.join(folder, entry.name));
    }
  };
  visit(root);
  return report;
}

/** The report as `wire check` prints it: a line per check, then the misses. */
export function formatKeyReport(root: string, report: KeyReport): string {
  const lines = [`${root}: ${report.items} items in ${report.folders} answer key${report.folders === 1 ? "" : "s"}`, ""];
  lines.push(`${"check".padEnd(18)}${"right".padStart(7)}${"of".padStart(7)}${"".padStart(9)}`);
  const order: string[] = ["parse", ...KEY_FIELDS, ...BODY_CHECKS];
  for (const [check, { right, of }] of [...report.fields].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))) {
    lines.push(`${check.padEnd(18)}${String(right).padStart(7)}${String(of).padStart(7)}${`${((right / of) * 100).toFixed(1)}%`.padStart(9)}`);
  }
  lines.push("", report.misses.length ? `${report.misses.length} miss${report.misses.length === 1 ? "" : "es"}:` : "no misses");
  for (const miss of report.misses) lines.push(`  ${miss.file}: ${miss.check}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`);
  return lines.join("\n");
}
