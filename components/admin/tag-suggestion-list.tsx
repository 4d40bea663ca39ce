import type { WireTag } from "@/lib/wire/types";

/** A suggestion as offered: whether it starts ticked, and why (lib/wire-ingest/suggestion-confidence.ts). */
export type OfferedTag = WireTag & { ticked?: boolean; reason?: string };

const tagValue = (tag: WireTag) => `${tag.type}:${tag.name}`;

/**
 * Suggested tags as checkboxes (`tag` = "type:name"), each ticked only when the vocabulary vouches
 * for it and saying why; every one shown is also sent as `suggested`, so the server knows which were
 * left unticked (turned down). With `dismissible`, each has a Dismiss button (`dismiss` = "type:name").
 */
export function TagSuggestionList({ suggestions, testId, dismissible = false }: { suggestions: OfferedTag[]; testId: string; dismissible?: boolean }) {
  return (
    <ul className="space-y-1" data-testid={testId}>
      {suggestions.map((tag) => {
        const value = tagValue(tag);
        const reasonId = `reason-${testId}-${value.replace(/[^\p{L}\p{N}]+/gu, "-")}`;
        return (
          <li key={value} className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="tag-suggestion">
            <input type="hidden" name="suggested" value={value} />
            <label className="flex items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm">
              <input type="checkbox" name="tag" value={value} defaultChecked={tag.ticked ?? false} aria-label={`${tag.name} (${tag.type})`} aria-describedby={tag.reason ? reasonId : undefined} />
              {tag.name} <span className="text-xs text-slate-500">{tag.type}</span>
            </label>
            {tag.reason ? <span id={reasonId} className="text-xs text-slate-600" data-testid="suggestion-reason">{tag.reason}</span> : null}
            {dismissible ? (
              <button type="submit" name="dismiss" value={value} className="text-xs text-slate-600 underline hover:text-slate-900" aria-label={`Dismiss ${tag.name}`}>
                Dismiss
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
