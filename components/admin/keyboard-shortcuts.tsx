"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * A key a page answers. `keys` is what the list shows and what is matched: one key ("j", "?",
 * "Enter") or "Mod+s" (Ctrl on Windows and Linux, Cmd on a Mac). Without `run` the key is only
 * listed (a browser behaviour worth knowing, such as Enter on a focused link). Keys are ignored
 * while the user types in a field, unless `inFields` (Ctrl/Cmd+S saves from anywhere).
 */
export type Shortcut = { keys: string; description: string; run?: (event: KeyboardEvent) => void; inFields?: boolean };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(?:INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

function matches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  const [modifier, key] = shortcut.keys.startsWith("Mod+") ? ["Mod", shortcut.keys.slice(4)] : [null, shortcut.keys];
  if (modifier) return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === key.toLowerCase();
  // "?" is Shift+/ on most layouts: Shift is part of the key there, so only Ctrl, Cmd and Alt rule a key out.
  return !event.ctrlKey && !event.metaKey && !event.altKey && event.key === key;
}

const modLabel = (keys: string) => keys.replace(/^Mod\+/, typeof navigator !== "undefined" && /Mac|iP(hone|ad)/.test(navigator.platform) ? "⌘ " : "Ctrl+");

/**
 * The page's keyboard shortcuts, given as data, and `?` to list them in a dialog (a native modal
 * <dialog>: Escape closes it and focus returns where it was). One listener for the whole page.
 */
export function KeyboardShortcuts({ shortcuts }: { shortcuts: Shortcut[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [listed, setListed] = useState(false);
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const typing = isTyping(event.target);
      // A dialog open (a confirmation, this list) has the keyboard to itself.
      if (document.querySelector("dialog[open]")) return;
      if (!typing && matches({ keys: "?", description: "" }, event)) {
        event.preventDefault();
        setListed(true);
        return;
      }
      const shortcut = latest.current.find((each) => each.run && (!typing || each.inFields) && matches(each, event));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run!(event);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (listed && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [listed]);

  return (
    <>
      <p className="mt-6 hidden text-xs text-slate-500 sm:block">
        Press <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono">?</kbd> for keyboard shortcuts.
      </p>
      {listed ? (
        <dialog
          ref={dialog}
          aria-labelledby={headingId}
          onClose={() => setListed(false)}
          className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
          data-testid="keyboard-shortcuts"
        >
          <h2 id={headingId} className="text-lg font-semibold">Keyboard shortcuts</h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {[...shortcuts, { keys: "?", description: "Show this list" }].map((shortcut) => (
              <div key={shortcut.keys} className="contents">
                <dt><kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{modLabel(shortcut.keys)}</kbd></dt>
                <dd className="text-slate-700">{shortcut.description}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-5 flex justify-end">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400">
              Close
            </button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}
