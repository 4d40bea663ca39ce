"use client";

import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type JSX,
  type KeyboardEvent,
} from "react";

export type TagType = "person" | "place" | "organisation" | "topic";
export type TagValue = { name: string; type: TagType; slug?: string };

type Suggestion = { name: string; slug: string; type: TagType };

const TAG_TYPES: readonly TagType[] = ["person", "place", "organisation", "topic"];

const DEBOUNCE_MS = 150;

/** Chip / badge colours per tag type (full class names so Tailwind sees them). */
const TYPE_STYLES: Record<TagType, { chip: string; badge: string; dot: string }> = {
  person: {
    chip: "border-sky-300 bg-sky-50 text-sky-900",
    badge: "bg-sky-100 text-sky-900",
    dot: "bg-sky-600",
  },
  place: {
    chip: "border-emerald-300 bg-emerald-50 text-emerald-900",
    badge: "bg-emerald-100 text-emerald-900",
    dot: "bg-emerald-600",
  },
  organisation: {
    chip: "border-amber-300 bg-amber-50 text-amber-900",
    badge: "bg-amber-100 text-amber-900",
    dot: "bg-amber-600",
  },
  topic: {
    chip: "border-violet-300 bg-violet-50 text-violet-900",
    badge: "bg-violet-100 text-violet-900",
    dot: "bg-violet-600",
  },
};

function key(name: string): string {
  return name.trim().toLocaleLowerCase();
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

function isTagType(value: string): value is TagType {
  return (TAG_TYPES as readonly string[]).includes(value);
}

type Option =
  | { kind: "existing"; suggestion: Suggestion }
  | { kind: "create"; name: string; type: TagType };

export function TagInput(props: {
  name: string;
  defaultValue: TagValue[];
  suggest: (query: string) => Promise<{ name: string; slug: string; type: TagType }[]>;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
  /** Every change of the chosen tags (not called for the first reading of `defaultValue`). */
  onChange?: (tags: TagValue[]) => void;
}): JSX.Element {
  const { name, defaultValue, suggest, id, invalid, describedBy } = props;
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;

  const baseId = useId();
  const inputId = id ?? `${baseId}-input`;
  const listboxId = `${baseId}-listbox`;
  const optionId = (index: number): string => `${baseId}-option-${index}`;

  const [tags, setTags] = useState<TagValue[]>(() => {
    const seen = new Set<string>();
    const initial: TagValue[] = [];
    for (const tag of defaultValue) {
      const tagName = cleanName(tag.name);
      if (tagName === "" || seen.has(key(tagName))) continue;
      seen.add(key(tagName));
      initial.push(tag.slug ? { name: tagName, type: tag.type, slug: tag.slug } : { name: tagName, type: tag.type });
    }
    return initial;
  });
  const [query, setQuery] = useState("");
  const [newType, setNewType] = useState<TagType>("topic");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [loading, setLoading] = useState(false);

  const inputRef = useRef<HTMLInputElement>(null);
  const suggestRef = useRef(suggest);
  const firstTags = useRef(tags);
  useEffect(() => {
    if (tags !== firstTags.current) onChangeRef.current?.(tags);
  }, [tags]);
  const requestRef = useRef(0);

  useEffect(() => {
    suggestRef.current = suggest;
  }, [suggest]);

  const trimmed = cleanName(query);

  // Debounced lookup; responses for anything but the latest query are ignored.
  useEffect(() => {
    const request = ++requestRef.current;
    if (trimmed === "") return;
    const timer = window.setTimeout(() => {
      setLoading(true);
      suggestRef
        .current(trimmed)
        .then((result) => {
          if (request !== requestRef.current) return;
          setSuggestions(Array.isArray(result) ? result : []);
          setActiveIndex(-1);
        })
        .catch(() => {
          if (request !== requestRef.current) return;
          setSuggestions([]);
        })
        .finally(() => {
          if (request === requestRef.current) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [trimmed]);

  const chosen = useMemo(() => new Set(tags.map((t) => key(t.name))), [tags]);
  const chosenSlugs = useMemo(
    () => new Set(tags.flatMap((t) => (t.slug ? [t.slug] : []))),
    [tags],
  );

  const options = useMemo((): Option[] => {
    if (trimmed === "") return [];
    const list: Option[] = [];
    const seen = new Set<string>();
    for (const s of suggestions) {
      const k = key(s.name);
      if (chosen.has(k) || chosenSlugs.has(s.slug) || seen.has(k)) continue;
      seen.add(k);
      list.push({ kind: "existing", suggestion: s });
    }
    const typed = key(trimmed);
    const exists = chosen.has(typed) || suggestions.some((s) => key(s.name) === typed);
    if (!exists) list.push({ kind: "create", name: trimmed, type: newType });
    return list;
  }, [trimmed, suggestions, chosen, chosenSlugs, newType]);

  const expanded = open && options.length > 0;
  const highlighted = expanded && activeIndex >= 0 && activeIndex < options.length ? activeIndex : -1;

  function resetQuery(): void {
    requestRef.current++; // drop any lookup still in flight
    setLoading(false);
    setQuery("");
    setSuggestions([]);
    setActiveIndex(-1);
    setOpen(false);
  }

  /** Adds a tag unless one with the same (case-insensitive) name is already chosen. */
  function addTag(tag: TagValue, current: TagValue[]): TagValue[] {
    const tagName = cleanName(tag.name);
    if (tagName === "") return current;
    if (current.some((t) => key(t.name) === key(tagName) || (tag.slug && t.slug === tag.slug))) {
      return current;
    }
    return [...current, { ...tag, name: tagName }];
  }

  /** Turns typed text into a tag: an exactly matching suggestion wins, else a new tag. */
  function tagFromText(text: string): TagValue | null {
    const tagName = cleanName(text);
    if (tagName === "") return null;
    const match = suggestions.find((s) => key(s.name) === key(tagName));
    if (match) return { name: match.name, type: match.type, slug: match.slug };
    return { name: tagName, type: newType };
  }

  function commitTexts(texts: string[]): void {
    setTags((current) => {
      let next = current;
      for (const text of texts) {
        const tag = tagFromText(text);
        if (tag) next = addTag(tag, next);
      }
      return next;
    });
  }

  function pick(option: Option): void {
    if (option.kind === "existing") {
      const s = option.suggestion;
      setTags((current) => addTag({ name: s.name, type: s.type, slug: s.slug }, current));
    } else {
      setTags((current) => addTag({ name: option.name, type: option.type }, current));
    }
    resetQuery();
    inputRef.current?.focus();
  }

  function removeTag(index: number): void {
    setTags((current) => current.filter((_, i) => i !== index));
    inputRef.current?.focus();
  }

  function onChange(event: ChangeEvent<HTMLInputElement>): void {
    const value = event.target.value;
    // Commas (typed on a virtual keyboard that sends no key code, or pasted)
    // commit every complete piece as a tag.
    if (value.includes(",")) {
      const parts = value.split(",");
      const rest = parts.pop() ?? "";
      commitTexts(parts);
      setQuery(rest.trimStart());
      setSuggestions([]);
      setActiveIndex(-1);
      setOpen(rest.trim() !== "");
      return;
    }
    setQuery(value);
    setActiveIndex(-1);
    setOpen(value.trim() !== "");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case "ArrowDown": {
        if (options.length === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActiveIndex(0);
          return;
        }
        setActiveIndex((highlighted + 1) % options.length);
        return;
      }
      case "ArrowUp": {
        if (options.length === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActiveIndex(options.length - 1);
          return;
        }
        setActiveIndex(highlighted <= 0 ? options.length - 1 : highlighted - 1);
        return;
      }
      case "Enter": {
        // Never let Enter submit the surrounding form.
        event.preventDefault();
        if (highlighted >= 0) {
          pick(options[highlighted]);
          return;
        }
        if (trimmed !== "") {
          commitTexts([trimmed]);
          resetQuery();
        }
        return;
      }
      case ",": {
        event.preventDefault();
        if (trimmed !== "") {
          commitTexts([trimmed]);
          resetQuery();
        }
        return;
      }
      case "Escape": {
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActiveIndex(-1);
        }
        return;
      }
      case "Backspace": {
        if (query === "" && tags.length > 0) {
          event.preventDefault();
          setTags((current) => current.slice(0, -1));
        }
        return;
      }
      case "Tab": {
        setOpen(false);
        setActiveIndex(-1);
        return;
      }
      default:
        return;
    }
  }

  return (
    <div className="w-full">
      <div
        className={[
          "rounded border bg-white p-2",
          "focus-within:ring-2 focus-within:ring-sky-600 focus-within:ring-offset-1",
          invalid ? "border-red-600" : "border-slate-300",
        ].join(" ")}
      >
        {tags.length > 0 ? (
          <ul aria-label="Chosen tags" className="mb-2 flex flex-wrap gap-2">
            {tags.map((tag, index) => {
              const style = TYPE_STYLES[tag.type];
              return (
                <li
                  key={`${key(tag.name)}-${tag.type}`}
                  data-testid="tag-chip"
                  data-tag-type={tag.type}
                  className={`inline-flex max-w-full items-center gap-1.5 rounded-full border py-1 pl-3 pr-1 text-sm ${style.chip}`}
                >
                  <span aria-hidden="true" className={`h-2 w-2 shrink-0 rounded-full ${style.dot}`} />
                  <span className="min-w-0 truncate">{`${tag.name} · ${tag.type}`}</span>
                  <button
                    type="button"
                    aria-label={`Remove tag ${tag.name}`}
                    title={`Remove tag ${tag.name}`}
                    onClick={() => removeTag(index)}
                    className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-base leading-none hover:bg-black/10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}

        <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <div className="relative min-w-0 flex-1">
            <input
              ref={inputRef}
              id={inputId}
              type="text"
              role="combobox"
              aria-label="Add tag"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listboxId}
              aria-activedescendant={highlighted >= 0 ? optionId(highlighted) : undefined}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={describedBy}
              aria-busy={loading || undefined}
              data-testid="tag-input"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="enter"
              placeholder={tags.length === 0 ? "Add a person, place, organisation or topic" : "Add another tag"}
              value={query}
              onChange={onChange}
              onKeyDown={onKeyDown}
              onFocus={() => {
                if (trimmed !== "") setOpen(true);
              }}
              onBlur={() => {
                setOpen(false);
                setActiveIndex(-1);
              }}
              className="w-full rounded border border-slate-300 px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 focus:border-sky-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
            />
            <ul
              id={listboxId}
              role="listbox"
              aria-label="Tag suggestions"
              hidden={!expanded}
              className={`${expanded ? "" : "hidden "}absolute left-0 right-0 z-20 mt-1 max-h-72 overflow-auto rounded border border-slate-300 bg-white py-1 shadow-lg`}
            >
              {options.map((option, index) => {
                const isActive = index === highlighted;
                const base = [
                  "flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-base",
                  isActive ? "bg-sky-100 text-slate-900" : "text-slate-800 hover:bg-slate-100",
                ].join(" ");
                if (option.kind === "existing") {
                  const s = option.suggestion;
                  return (
                    <li
                      key={`existing-${s.slug}`}
                      id={optionId(index)}
                      role="option"
                      aria-selected={isActive}
                      className={base}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseEnter={() => setActiveIndex(index)}
                      onClick={() => pick(option)}
                    >
                      <span className="truncate">{s.name}</span>
                      <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-medium ${TYPE_STYLES[s.type].badge}`}>
                        {s.type}
                      </span>
                    </li>
                  );
                }
                return (
                  <li
                    key="create"
                    id={optionId(index)}
                    role="option"
                    aria-selected={isActive}
                    data-testid="create-tag-option"
                    className={`${base} border-t border-slate-200`}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => setActiveIndex(index)}
                    onClick={() => pick(option)}
                  >
                    <span className="truncate">{`Create “${option.name}” as ${option.type}`}</span>
                  </li>
                );
              })}
            </ul>
          </div>

          <select
            aria-label="New tag type"
            value={newType}
            onChange={(event) => {
              if (isTagType(event.target.value)) setNewType(event.target.value);
            }}
            className="rounded border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-sky-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 sm:w-auto"
          >
            {TAG_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
      </div>

      <input type="hidden" name={name} value={JSON.stringify(tags)} />
    </div>
  );
}
