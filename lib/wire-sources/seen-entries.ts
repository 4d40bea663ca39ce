// What a feed has already given, so that a feed still listing yesterday's entries yields nothing
// new. Bounded: a feed lists tens of entries, so the last 2000 keys reach far further back than any
// feed does, and the state saved with the source stays small.

const MAX_SEEN = 2000;

export type SeenEntries = { has(key: string): boolean; add(key: string): void; keys(): string[] };

export function seenEntries(saved: unknown): SeenEntries {
  const keys = Array.isArray(saved) ? saved.filter((key): key is string => typeof key === "string") : [];
  const set = new Set(keys);
  return {
    has: (key) => set.has(key),
    add(key) {
      // Re-adding moves a key to the newest end, so what a feed still lists is the last forgotten.
      set.delete(key);
      set.add(key);
    },
    keys: () => [...set].slice(-MAX_SEEN),
  };
}
