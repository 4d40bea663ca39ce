"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { PictureSummary } from "@/components/media/picture-card";
import { listPictures } from "@/components/media/list-pictures";
import type { Picture } from "@/components/media/picture-renditions";

const SEARCH_PAUSE_MS = 250;

/**
 * Choosing a picture from the library: a native modal <dialog> (focus held inside, Escape closes,
 * focus goes back to the button that opened it) with a search box and the pictures as a listbox.
 * The listbox is one Tab stop: the arrow keys move through the grid (Up and Down by a row), Home
 * and End go to the first and last, Enter or Space chooses; Down from the search box enters it.
 */
export function MediaPickerDialog({ title, currentId, onChoose, onClose }: { title: string; currentId?: string | null; onChoose: (picture: Picture) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const options = useRef<(HTMLLIElement | null)[]>([]);
  const chosen = useRef<Picture | null>(null);
  const headingId = useId();
  const statusId = useId();
  const [query, setQuery] = useState("");
  const [pictures, setPictures] = useState<Picture[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  /** The words the pictures shown were found by (the search box may be ahead of them while a search runs). */
  const [answered, setAnswered] = useState("");

  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
  }, []);

  // The first page, and a new one for each pause in typing; an older answer never replaces a newer one.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    const timer = window.setTimeout(() => {
      listPictures({ q: query }, controller.signal).then(
        (page) => {
          setPictures(page.items);
          setAnswered(query.trim());
          setNextCursor(page.nextCursor);
          setActive(0);
          setProblem(null);
          setLoading(false);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setProblem(error instanceof Error ? error.message : "The library could not be read.");
          setLoading(false);
        },
      );
    }, query ? SEARCH_PAUSE_MS : 0);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const loadOlder = async () => {
    if (!nextCursor) return;
    setLoading(true);
    try {
      const page = await listPictures({ q: query, cursor: nextCursor });
      setPictures((shown) => [...shown, ...page.items.filter((each) => !shown.some((have) => have.id === each.id))]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The library could not be read.");
    } finally {
      setLoading(false);
    }
  };

  const focusOption = (index: number) => {
    const target = Math.max(0, Math.min(pictures.length - 1, index));
    setActive(target);
    options.current[target]?.focus();
  };

  /** How many pictures a row of the grid holds as laid out now. */
  const columns = () => {
    const top = options.current[0]?.offsetTop;
    return Math.max(1, options.current.filter((option) => option && option.offsetTop === top).length);
  };

  const choose = (picture: Picture) => {
    chosen.current = picture;
    dialog.current?.close();
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const row = columns();
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, ArrowDown: active + row, ArrowUp: active - row, Home: 0, End: pictures.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      // Up from the first row goes back to the search box.
      if (event.key === "ArrowUp" && active - row < 0) search.current?.focus();
      else focusOption(moves[event.key]);
    } else if ((event.key === "Enter" || event.key === " ") && pictures[active]) {
      event.preventDefault();
      choose(pictures[active]);
    }
  };

  const found = `${pictures.length}${nextCursor ? "+" : ""} ${pictures.length === 1 ? "picture" : "pictures"}${answered ? ` ${pictures.length === 1 && !nextCursor ? "matches" : "match"} “${answered}”` : ", newest first"}`;
  const count = loading ? "Looking…" : problem ? problem : pictures.length === 0 ? (answered ? `No pictures match “${answered}”.` : "The library has no pictures yet.") : `${found}. Down arrow to go through them, Enter to choose.`;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      className="m-auto max-h-[calc(100dvh-2rem)] open:flex w-[calc(100%-1rem)] max-w-4xl flex-col rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 sm:w-[calc(100%-2rem)]"
      data-testid="media-picker"
      onClose={() => {
        const picture = chosen.current;
        if (opener.current?.isConnected) opener.current.focus();
        if (picture) onChoose(picture);
        onClose();
      }}
    >
      <div className="border-b border-slate-200 p-4">
        <h2 id={headingId} className="text-lg font-semibold">{title}</h2>
        <label htmlFor={`${headingId}-search`} className="mt-2 block text-sm font-medium text-slate-800">Search the library</label>
        <input
          id={`${headingId}-search`} ref={search} type="search" autoFocus value={query} placeholder="Caption, credit or file name"
          aria-describedby={statusId} aria-controls={`${headingId}-list`}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" && pictures.length) {
              event.preventDefault();
              focusOption(active);
            }
          }}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-slate-600 focus:outline-none focus:ring-2 focus:ring-slate-400"
        />
        <p id={statusId} className="mt-1 text-xs text-slate-600" aria-live="polite" data-testid="media-picker-status">{count}</p>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        {pictures.length ? (
          <ul
            id={`${headingId}-list`} role="listbox" aria-label="Pictures" onKeyDown={onListKey}
            className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4"
          >
            {pictures.map((picture, index) => (
              <li
                key={picture.id}
                ref={(element) => { options.current[index] = element; }}
                role="option"
                aria-selected={index === active}
                tabIndex={index === active ? 0 : -1}
                onClick={() => choose(picture)}
                onFocus={() => setActive(index)}
                data-testid="media-picker-option"
                className="cursor-pointer rounded border border-slate-200 bg-white hover:border-slate-500 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-500 aria-selected:border-slate-500"
              >
                <PictureSummary picture={picture} note={picture.id === currentId ? "The story's picture now" : undefined} />
              </li>
            ))}
          </ul>
        ) : null}
        {nextCursor ? (
          <button type="button" onClick={() => void loadOlder()} disabled={loading} className="mt-4 rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 disabled:opacity-60">
            Older pictures
          </button>
        ) : null}
      </div>
      <div className="flex justify-end border-t border-slate-200 p-3">
        <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400">
          Cancel
        </button>
      </div>
    </dialog>
  );
}
