import type { ParsedWireItem, WireTag } from "@/lib/wire/types";
import { findNamedEntities } from "@/lib/wire/nlp-entities";
import type { TagVocabulary } from "@/lib/wire/tag-vocabulary";

type Candidate = WireTag & { index: number };

const SPACE = " ";

function isWordSuffix(short: string, long: string): boolean {
  return long.length > short.length && long.endsWith(short) && long[long.length - short.length - 1] === SPACE;
}

/**
 * Tags for an item: its own (NINJS subject and place, the dateline's country) first; then, in
 * order of first mention, the vocabulary's tags it mentions and (with `nlp`) new names compromise
 * finds. A name the vocabulary knows under another spelling takes the vocabulary's name; a
 * person named by surname alone ("Lavrov") is folded into the full name ("Sergey Lavrov").
 */
export function suggestTags(item: ParsedWireItem, options: { vocabulary?: TagVocabulary; nlp?: boolean } = {}): WireTag[] {
  const own = item.parse.tags;
  const text = [item.parse.headline ?? "", ...item.parse.paragraphs].join("\n");
  const taken = new Set(own.map((tag) => tag.name.toLowerCase()));
  const byName = new Map<string, Candidate>();
  const consider = (candidate: Candidate) => {
    const key = candidate.name.toLowerCase();
    if (taken.has(key)) return;
    const held = byName.get(key);
    if (held) held.index = Math.min(held.index, candidate.index);
    else byName.set(key, candidate);
  };

  for (const { tag, index } of options.vocabulary?.find(text) ?? []) consider({ ...tag, index });
  if (options.nlp) {
    const knownPlaces = new Set([...own, ...byName.values()].filter((tag) => tag.type === "place").map((tag) => tag.name.toLowerCase()));
    for (const entity of findNamedEntities(text, knownPlaces)) {
      const canonical = options.vocabulary?.lookup(entity.name);
      consider(canonical ? { ...canonical, index: entity.index } : entity);
    }
  }

  const candidates = [...byName.values()];
  const ownPeople = own.filter((tag) => tag.type === "person");
  const people = candidates.filter((tag) => tag.type === "person");
  const kept = candidates.filter((candidate) => {
    if (candidate.type !== "person") return true;
    if (ownPeople.some((person) => isWordSuffix(candidate.name, person.name))) return false;
    const fuller = people.find((person) => isWordSuffix(candidate.name, person.name));
    if (fuller) fuller.index = Math.min(fuller.index, candidate.index);
    return !fuller;
  });
  kept.sort((a, b) => a.index - b.index);
  return [...own, ...kept.map(({ name, type }) => ({ name, type }))];
}
