import { diffWords, diffWordsWithSpace } from "diff";
import sanitizeHtml from "sanitize-html";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";

// What changed between two snapshots of a story, as editors read it: words for the copy (the body
// as text with its paragraph breaks, never raw tags), whole values for everything else.

export type DiffPart = { text: string; change: "added" | "removed" | null };
/** `inline`: words run on; `block`: body text, paragraph breaks kept; `list`: separate values. */
export type FieldDiff = { field: keyof RevisionSnapshot; label: string; layout: "inline" | "block" | "list"; parts: DiffPart[] };

type Kind = "words" | "body" | "value" | "tags";
const fields: { field: keyof RevisionSnapshot; label: string; kind: Kind }[] = [
  { field: "headline", label: "headline", kind: "words" },
  { field: "standfirst", label: "standfirst", kind: "words" },
  { field: "metaDescription", label: "meta description", kind: "words" },
  { field: "socialHeadline", label: "social headline", kind: "words" },
  { field: "body", label: "body", kind: "body" },
  // The lead picture, by its id in the library (a change of picture, not of its caption or crop).
  { field: "leadImageId", label: "lead picture", kind: "value" },
  { field: "dateline", label: "dateline", kind: "value" },
  { field: "byline", label: "byline", kind: "value" },
  { field: "agency", label: "agency", kind: "value" },
  { field: "credits", label: "credits", kind: "value" },
  { field: "tags", label: "tags", kind: "tags" },
  { field: "slug", label: "slug", kind: "value" },
  { field: "embargoUntil", label: "embargo", kind: "value" },
  { field: "status", label: "status", kind: "value" },
];

const decoded: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** A body's text, one paragraph (heading, quote, list item) per block, blocks separated by a blank line. */
export function bodyParagraphs(html: string): string {
  const marked = html.replace(/<li\b[^>]*>/gi, "\n\n• ").replace(/<\/(p|h2|h3|li|blockquote|ul|ol)>/gi, "$&\n\n");
  return sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => decoded[name] ?? "")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

function display(field: keyof RevisionSnapshot, snapshot: RevisionSnapshot): string {
  switch (field) {
    case "dateline": {
      const { location, country, date } = snapshot.dateline ?? { location: null, country: null, date: null };
      return [location, country, date].filter(Boolean).join(", ");
    }
    case "embargoUntil":
      return snapshot.embargoUntil ? formatNewsroomTime(snapshot.embargoUntil) : "";
    case "status":
      return snapshot.status.replace("_", " ");
    default:
      return String(snapshot[field] ?? "");
  }
}

const tagLabel = (tag: { name: string; type: string }) => `${tag.name} (${tag.type})`;
// Empty is empty: "" and a field a revision predates (undefined) or left null.
const same = (a: unknown, b: unknown) => JSON.stringify(a === "" ? null : (a ?? null)) === JSON.stringify(b === "" ? null : (b ?? null));

/** The fields (labels) in which two snapshots differ, in the order editors read a story. */
export function changedFields(before: RevisionSnapshot, after: RevisionSnapshot): string[] {
  return fields.filter(({ field }) => !same(before[field], after[field])).map(({ label }) => label);
}

/** One line for a revision list: "created", "headline, body, tags", "status (draft → published)". */
export function summarizeChange(before: RevisionSnapshot | null, after: RevisionSnapshot): string {
  if (!before) return "created";
  const changed = changedFields(before, after).map((label) =>
    label === "status" ? `status (${display("status", before)} → ${display("status", after)})` : label,
  );
  return changed.length ? changed.join(", ") : "no change to the copy";
}

function fieldDiff(kind: Kind, field: keyof RevisionSnapshot, before: RevisionSnapshot, after: RevisionSnapshot): Omit<FieldDiff, "field" | "label"> {
  const asParts = (changes: { value: string; added: boolean; removed: boolean }[]): DiffPart[] =>
    changes.map((c) => ({ text: c.value, change: c.added ? "added" : c.removed ? "removed" : null }));
  switch (kind) {
    case "words":
      return { layout: "inline", parts: asParts(diffWords(display(field, before), display(field, after))) };
    case "body":
      // With space: a paragraph split or joined is a change worth seeing.
      return { layout: "block", parts: asParts(diffWordsWithSpace(bodyParagraphs(before.body), bodyParagraphs(after.body))) };
    case "tags": {
      const kept = new Set(before.tags.map(tagLabel));
      const now = new Set(after.tags.map(tagLabel));
      return {
        layout: "list",
        parts: [
          ...after.tags.map((tag) => ({ text: tagLabel(tag), change: kept.has(tagLabel(tag)) ? null : ("added" as const) })),
          ...before.tags.filter((tag) => !now.has(tagLabel(tag))).map((tag) => ({ text: tagLabel(tag), change: "removed" as const })),
        ],
      };
    }
    case "value": {
      const was = display(field, before);
      const is = display(field, after);
      const parts: DiffPart[] = [];
      if (was) parts.push({ text: was, change: "removed" });
      if (is) parts.push({ text: is, change: "added" });
      return { layout: "list", parts };
    }
  }
}

/** Every field that differs between two snapshots, ready to show with insertions and deletions. */
export function diffSnapshots(before: RevisionSnapshot, after: RevisionSnapshot): FieldDiff[] {
  return fields
    .filter(({ field }) => !same(before[field], after[field]))
    .map(({ field, label, kind }) => ({ field, label, ...fieldDiff(kind, field, before, after) }));
}
