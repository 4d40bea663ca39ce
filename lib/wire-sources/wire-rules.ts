import type { TagType } from "@/lib/stories/schemas";
import type { WirePriority } from "@/lib/wire/types";
import type { WireRule } from "@/lib/wire-sources/source-settings";

// A source's rules run on every new item, in order, before it reaches the desk. Pure: the item's
// parsed fields in, the verdict out. (The rules' schema lives in source-settings.ts.)

export type RuleItem = {
  agency: string | null;
  /** The item's category or categories (an agency may file one item under several). */
  category: string | string[] | null;
  priority: WirePriority | null;
  headline: string | null;
  slugline: string | null;
  text: string | null;
};

export type RuleTag = { name: string; type: TagType };
export type RuleVerdict = { drop: boolean; priority: WirePriority | null; tags: RuleTag[]; desk: string | null };

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
const SPACES = /\s+/g;
// Compiled once per keyword: rules run on every item of every poll.
const keywordPatterns = new Map<string, RegExp>();

/** A keyword as a whole word or phrase, any case: "Modi" is not found in "modified"; "prime minister" spans a line break. */
function keywordPattern(keyword: string): RegExp {
  let pattern = keywordPatterns.get(keyword);
  if (!pattern) {
    const words = keyword.trim().replace(SPECIAL, "\\$&").replace(SPACES, "\\s+");
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`, "iu");
    if (keywordPatterns.size > 10_000) keywordPatterns.clear();
    keywordPatterns.set(keyword, pattern);
  }
  return pattern;
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

function matches(when: WireRule["when"], item: RuleItem): boolean {
  if (when.agency && !(item.agency && when.agency.some((agency) => same(agency, item.agency!)))) return false;
  if (when.category) {
    const categories = item.category === null ? [] : Array.isArray(item.category) ? item.category : [item.category];
    if (!when.category.some((wanted) => categories.some((category) => same(wanted, category)))) return false;
  }
  if (when.keyword) {
    const texts = [item.headline, item.slugline, item.text].filter((text): text is string => Boolean(text));
    if (!when.keyword.some((keyword) => texts.some((text) => keywordPattern(keyword).test(text)))) return false;
  }
  // An item that gives no priority is routine copy to a desk.
  if (when.priority && !when.priority.includes(item.priority ?? "routine")) return false;
  return true;
}

/**
 * What the rules make of the item: run in order, every matching rule applies; a drop wins over
 * everything, and a later priority or desk overrides an earlier one. Tags add up, each once.
 */
export function applyRules(rules: readonly WireRule[], item: RuleItem): RuleVerdict {
  const verdict: RuleVerdict = { drop: false, priority: item.priority, tags: [], desk: null };
  for (const rule of rules) {
    if (!matches(rule.when, item)) continue;
    const { then } = rule;
    if (then.drop) return { ...verdict, drop: true };
    if (then.setPriority) verdict.priority = then.setPriority;
    if (then.desk) verdict.desk = then.desk;
    for (const tag of then.addTags ?? []) {
      if (!verdict.tags.some((known) => known.type === tag.type && same(known.name, tag.name))) verdict.tags.push(tag);
    }
  }
  return verdict;
}
