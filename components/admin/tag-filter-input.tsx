"use client";

import { useEffect, useId, useRef, useState } from "react";
import { suggestTagsAction } from "@/app/(admin)/admin/stories/actions";

type Suggestion = { name: string; slug: string; type: string };

/**
 * The story list's tag filter: a plain text field submitted as `tag` (a tag's name as typed, or its slug), with the
 * browser's own suggestion list (a datalist, which screen readers announce) filled from the tag
 * search as the editor types a name. Without JavaScript it is still a field that takes a slug.
 */
export function TagFilterInput(props: { defaultValue?: string; className: string; labelClassName: string }) {
  const hintId = useId();
  const listId = useId();
  const [text, setText] = useState(props.defaultValue ?? "");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const latest = useRef(0);
  const shown = useRef<Suggestion[]>([]);

  useEffect(() => {
    const request = ++latest.current;
    const query = text.trim();
    // A slug just picked from the list needs no new search.
    if (query.length < 2 || shown.current.some((tag) => tag.slug === query)) return;
    const timer = window.setTimeout(() => {
      const show = (found: Suggestion[]) => {
        if (request !== latest.current) return;
        shown.current = found;
        setSuggestions(found);
      };
      suggestTagsAction(query).then(show, () => show([]));
    }, 200);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <div>
      <label htmlFor="tag" className={props.labelClassName}>Tag</label>
      <input
        id="tag" name="tag" type="search" list={listId} value={text} onChange={(event) => setText(event.target.value)}
        autoComplete="off" placeholder="Type a tag's name" aria-describedby={hintId} className={props.className}
      />
      <span id={hintId} className="sr-only">Type a tag&apos;s name, in any case, or choose a suggestion as you type (it fills in the tag&apos;s slug).</span>
      <datalist id={listId} data-testid="tag-filter-suggestions">
        {suggestions.map((tag) => (
          <option key={tag.slug} value={tag.slug} label={`${tag.name} (${tag.type})`} />
        ))}
      </datalist>
    </div>
  );
}
