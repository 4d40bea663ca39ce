"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type JSX, type KeyboardEvent } from "react";

export type LinkFormValues = { text: string; href: string };

/**
 * The editor's small form for a link: the address, and the words to link when nothing is selected.
 * It checks the address as the editor types it so a mistake is said at once; the body sanitiser on
 * the server (lib/stories/sanitize-body.ts) stays the check that counts.
 */
export function LinkForm(props: {
  /** Ask for the link's text too: nothing is selected and no link is being edited. */
  askText: boolean;
  /** The address of the link being edited; "" for a new one. */
  initialHref: string;
  /** Null when the address may be a link, else the sentence saying why not. */
  check: (href: string) => string | null;
  onApply: (values: LinkFormValues) => void;
  /** Shown only when editing a link: takes the link off its text. */
  onRemove?: () => void;
  onCancel: () => void;
}): JSX.Element {
  const { askText, initialHref, check, onApply, onRemove, onCancel } = props;
  const id = useId();
  const [text, setText] = useState("");
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    first.current?.select();
  }, []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    // A nested <form> would submit the story form; this is a <div role="form">, so stop here.
    event.stopPropagation();
    const problem = href.trim() === "" ? "Type the address to link to." : check(href);
    setError(problem);
    if (!problem) onApply({ text: text.trim(), href: href.trim() });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
      // Enter applies the link and never reaches the story form.
      submit(event);
    }
  }

  const input = "mt-1 w-full rounded border px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-600";
  return (
    <div
      role="form"
      aria-label={initialHref ? "Edit link" : "Add link"}
      onKeyDown={onKeyDown}
      data-testid="link-form"
      className="flex flex-wrap items-end gap-2 border border-b-0 border-slate-300 bg-white p-2"
    >
      {askText ? (
        <div className="min-w-40 flex-1">
          <label htmlFor={`${id}-text`} className="block text-xs font-medium text-slate-700">Text to show</label>
          <input id={`${id}-text`} ref={first} value={text} onChange={(event) => setText(event.target.value)} className={`${input} border-slate-300`} />
        </div>
      ) : null}
      <div className="min-w-56 flex-[2]">
        <label htmlFor={`${id}-href`} className="block text-xs font-medium text-slate-700">Address</label>
        <input
          id={`${id}-href`}
          ref={askText ? undefined : first}
          value={href}
          onChange={(event) => {
            setHref(event.target.value);
            if (error) setError(null);
          }}
          type="text"
          inputMode="url"
          autoComplete="url"
          placeholder="https://…"
          aria-invalid={error ? "true" : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${input} ${error ? "border-red-600" : "border-slate-300"}`}
        />
      </div>
      <div className="flex gap-2">
        <button type="button" onClick={submit} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus:ring-2 focus:ring-sky-600">
          {initialHref ? "Update link" : "Add link"}
        </button>
        {onRemove ? (
          <button type="button" onClick={onRemove} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-600">
            Remove link
          </button>
        ) : null}
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-600">
          Cancel
        </button>
      </div>
      <p id={`${id}-error`} role="alert" className="w-full text-sm text-red-800 empty:hidden">{error ?? ""}</p>
    </div>
  );
}
