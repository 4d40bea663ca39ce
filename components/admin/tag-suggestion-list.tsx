import type { WireTag } from "@/lib/wire/types";

/** Suggested tags as ticked checkboxes (`tag` = "type:name"); unticking one rejects it. */
export function TagSuggestionList({ suggestions, testId }: { suggestions: WireTag[]; testId: string }) {
  return (
    <ul className="flex flex-wrap gap-2" data-testid={testId}>
      {suggestions.map((tag) => (
        <li key={`${tag.type}:${tag.name}`}>
          <label className="flex items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm">
            <input type="checkbox" name="tag" value={`${tag.type}:${tag.name}`} defaultChecked aria-label={`${tag.name} (${tag.type})`} />
            {tag.name} <span className="text-xs text-slate-500">{tag.type}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
