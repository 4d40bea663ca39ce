"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueuePage } from "@/lib/wire-desk/list-wire-queue";
import type { QueueRow } from "@/lib/wire-desk/queue-row";
import type { WireItemDetail } from "@/lib/wire-desk/get-wire-item";
import type { QueueFilter } from "@/lib/wire-desk/schemas";
import { matchesQueueFilter, needsRefetch } from "@/lib/wire-desk/match-queue-filter";
import { KeyboardShortcuts, type Shortcut } from "@/components/admin/keyboard-shortcuts";
import { useWireEvents } from "@/components/wire-desk/use-wire-events";
import { mergeLiveRow, revealHeld, type LiveList } from "@/components/wire-desk/merge-live-row";
import { QueueRowView } from "@/components/wire-desk/queue-row-view";
import { ItemPanel } from "@/components/wire-desk/item-panel";
import { FlashNotifyToggle, useFlashNotifications } from "@/components/wire-desk/flash-notifications";
import { filterQuery } from "@/components/wire-desk/filter-query";
import { apiErrorText } from "@/components/wire-desk/saved-filters";
import { plural, rowTitle } from "@/components/wire-desk/desk-words";

type Notice = { text: string; undo?: QueueRow } | null;

const buttonClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500";
/** A flash older than this, heard of again (its cluster changed), is not news any more. */
const NOTIFY_WITHIN_MS = 5 * 60_000;
const WIDE = "(min-width: 1024px)";

/**
 * The wire desk's queue, live: rows pushed by the stream join it where they belong (without
 * moving the rows under an editor who is further down: those wait behind "N new items"), j/k and
 * Enter open an item beside the list, t takes it into a draft, x dismisses its cluster (with an
 * undo). The server checks every action again; the buttons do what the keys do.
 */
export function WireDesk(props: { initial: QueuePage; filter: QueueFilter; timeZone: string; canTake: boolean; canDismiss: boolean }) {
  const { filter } = props;
  const router = useRouter();
  const [list, setList] = useState<LiveList>({ rows: props.initial.items, held: [] });
  const listRef = useRef(list);
  const [cursor, setCursor] = useState(props.initial.nextCursor);
  const cursorRef = useRef(cursor);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selectedRef = useRef(selectedId);
  const [openId, setOpenId] = useState<string | null>(null);
  const [detail, setDetail] = useState<WireItemDetail | null>(null);
  const [detailState, setDetailState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const [notice, setNotice] = useState<Notice>(null);
  const [alert, setAlert] = useState("");
  const [busy, setBusy] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const grid = useRef<HTMLDivElement>(null);
  const cells = useRef(new Map<string, HTMLDivElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  const opening = useRef(0);
  const refetchTimer = useRef<number | null>(null);
  const flash = useFlashNotifications();
  const query = filterQuery(filter);

  const update = useCallback((change: (before: LiveList) => LiveList) => {
    listRef.current = change(listRef.current);
    setList(listRef.current);
  }, []);
  useEffect(() => {
    selectedRef.current = selectedId;
    cursorRef.current = cursor;
  });

  /** Whether rows may go on top now: the list's top is in view and nothing below it is selected. */
  const atTop = () => {
    const top = grid.current?.getBoundingClientRect().top ?? 0;
    const index = listRef.current.rows.findIndex((row) => row.id === selectedRef.current);
    return top > -8 && index <= 0;
  };

  const merge = (row: QueueRow, matches: boolean, top = atTop()) =>
    update((before) => mergeLiveRow(before, row, { matches, atTop: top, complete: cursorRef.current === null }));

  const fetchPage = async (pageCursor?: string): Promise<QueuePage | null> => {
    const params = filterQuery(filter);
    if (pageCursor) params.set("cursor", pageCursor);
    const response = await fetch(`/api/v1/wire/items?${params}`, { cache: "no-store" });
    if (!response.ok) {
      setAlert(await apiErrorText(response));
      return null;
    }
    return (await response.json()) as QueuePage;
  };

  /** The first page again: in place of the list when the editor is at its top, else merged in row by row. */
  const refetchFirst = async (replace: boolean) => {
    const page = await fetchPage();
    if (!page) return;
    if (replace) {
      update(() => ({ rows: page.items, held: [] }));
      setCursor(page.nextCursor);
      return;
    }
    const top = atTop();
    for (const row of [...page.items].reverse()) merge(row, true, top);
  };

  const [live, setLive] = useState(false);
  useWireEvents((event) => {
    if (event.type === "status") return setLive(event.live);
    if (event.type === "resync") return void refetchFirst(atTop());
    const { row } = event;
    if (Date.now() - Date.parse(row.receivedAt) < NOTIFY_WITHIN_MS) flash.notify(row);
    if (openId === row.id) setDetail((shown) => (shown && shown.id === row.id ? { ...shown, ...row } : shown));
    const known = [...listRef.current.rows, ...listRef.current.held].some((each) => each.id === row.id);
    if (needsRefetch(filter) && !known) {
      // Whether its words match the search only the database can say: ask it, once for a burst.
      if (refetchTimer.current === null) {
        refetchTimer.current = window.setTimeout(() => {
          refetchTimer.current = null;
          void refetchFirst(false);
        }, 150);
      }
      return;
    }
    merge(row, matchesQueueFilter(row, filter));
  });
  useEffect(() => () => {
    if (refetchTimer.current !== null) window.clearTimeout(refetchTimer.current);
  }, []);

  const { rows, held } = list;
  const selectedIndex = rows.findIndex((row) => row.id === selectedId);

  const select = (id: string) => {
    setSelectedId(id);
    const cell = cells.current.get(id);
    cell?.focus({ preventScroll: true });
    cell?.closest("[role=row]")?.scrollIntoView({ block: "nearest" });
  };
  const move = (step: number) => {
    const current = listRef.current.rows;
    if (!current.length) return;
    const at = current.findIndex((row) => row.id === selectedRef.current);
    select(current[at === -1 ? 0 : Math.min(current.length - 1, Math.max(0, at + step))].id);
  };

  const open = async (id: string) => {
    const ticket = ++opening.current;
    setOpenId(id);
    setDetail(null);
    setDetailState({ loading: true, error: null });
    // On a phone the panel covers the list: the reader goes with it.
    if (!window.matchMedia(WIDE).matches) window.setTimeout(() => heading.current?.focus(), 0);
    const response = await fetch(`/api/v1/wire/items/${id}`, { cache: "no-store" });
    if (ticket !== opening.current) return;
    if (!response.ok) return setDetailState({ loading: false, error: await apiErrorText(response) });
    const loaded = (await response.json()) as WireItemDetail;
    // Opening marked it seen: the stream may have said so before this answer came, with the row.
    const row = listRef.current.rows.find((each) => each.id === id);
    setDetail(loaded.state === "new" && row && row.state !== "new" ? { ...loaded, ...row } : loaded);
    setDetailState({ loading: false, error: null });
  };
  const close = () => {
    opening.current++;
    setOpenId(null);
    setDetail(null);
    if (selectedRef.current) cells.current.get(selectedRef.current)?.focus();
  };

  /** What t and x act on: the item open beside the list, else the row selected. */
  const target = () => openId ?? selectedRef.current;

  const take = async (id = target()) => {
    if (!id || busy) return;
    setBusy(true);
    setAlert("");
    try {
      const response = await fetch(`/api/v1/wire/items/${id}/take`, { method: "POST" });
      if (response.status === 201) {
        const story = (await response.json()) as { id: string; headline: string };
        setNotice({ text: `Taken into the draft “${story.headline}”: opening it in the editor…` });
        router.push(`/admin/stories/${story.id}`);
        return;
      }
      setAlert(await apiErrorText(response));
    } finally {
      setBusy(false);
    }
  };

  const dismiss = async (id = target()) => {
    if (!id || busy) return;
    const row = [...listRef.current.rows, ...(detail ? [detail] : [])].find((each) => each.id === id);
    setBusy(true);
    setAlert("");
    try {
      const response = await fetch(`/api/v1/wire/items/${id}/dismiss`, { method: "POST" });
      if (!response.ok) return setAlert(await apiErrorText(response));
      const { changed } = (await response.json()) as { changed: number };
      if (!row) return;
      const current = listRef.current.rows;
      const at = current.findIndex((each) => each.clusterId === row.clusterId);
      const next = current.filter((each) => each.clusterId !== row.clusterId);
      update((before) => ({ rows: before.rows.filter((each) => each.clusterId !== row.clusterId), held: before.held.filter((each) => each.clusterId !== row.clusterId) }));
      if (openId && (openId === id || detail?.clusterId === row.clusterId)) {
        setOpenId(null);
        setDetail(null);
      }
      const after = next[Math.min(Math.max(at, 0), next.length - 1)];
      if (after) window.setTimeout(() => select(after.id), 0);
      else setSelectedId(null);
      setNotice({ text: `Dismissed “${rowTitle(row)}”${changed > 1 ? ` and ${plural(changed - 1, "other item")} of its cluster` : ""}.`, undo: row });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (row: QueueRow) => {
    setNotice(null);
    const response = await fetch(`/api/v1/wire/items/${row.id}/restore`, { method: "POST" });
    if (!response.ok) return setAlert(await apiErrorText(response));
    const restored = { ...row, state: row.state === "dismissed" ? "seen" : row.state, dismissedBy: null };
    merge(restored, matchesQueueFilter(restored, filter), true);
    setNotice({ text: `Restored “${rowTitle(row)}” to the desk.` });
    window.setTimeout(() => select(row.id), 0);
  };

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchPage(cursor);
      if (!page) return;
      update((before) => {
        const shown = new Set([...before.rows, ...before.held].map((row) => row.clusterId));
        return { rows: [...before.rows, ...page.items.filter((row) => !shown.has(row.clusterId))], held: before.held };
      });
      setCursor(page.nextCursor);
    } finally {
      setLoadingMore(false);
    }
  };

  const reveal = () => {
    update(revealHeld);
    grid.current?.scrollIntoView({ block: "start" });
  };

  const shortcuts: Shortcut[] = [
    { keys: "j", description: "Next item", run: () => move(1) },
    { keys: "k", description: "Previous item", run: () => move(-1) },
    { keys: "Enter", description: "Open the selected item beside the list" },
    ...(props.canTake ? [{ keys: "t", description: "Take the item into a draft, and open it", run: () => void take() }] : []),
    ...(props.canDismiss ? [{ keys: "x", description: "Dismiss the item and its cluster (Undo brings them back)", run: () => void dismiss() }] : []),
    { keys: "Escape", description: "Close the item", run: () => openId && close() },
  ];

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_26rem] lg:items-start lg:gap-4">
      <div className="min-w-0">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600" data-testid="wire-count">
            <span className={`mr-2 inline-flex items-center gap-1 font-medium ${live ? "text-emerald-800" : "text-amber-800"}`} data-testid="wire-live" data-live={live ? "on" : "off"}>
              <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${live ? "bg-emerald-600" : "bg-amber-500"}`} />
              {live ? "Live" : "Connecting…"}
            </span>
            {rows.length ? `${plural(rows.length, "item")} shown, newest first` : "Nothing on the desk matches."}
          </p>
          <FlashNotifyToggle flash={flash} />
        </div>
        <div role="status" aria-live="polite" className="mb-2 flex flex-wrap items-center gap-3 text-sm empty:hidden" data-testid="wire-notice">
          {notice ? <span>{notice.text}</span> : null}
          {notice?.undo ? <button type="button" onClick={() => void undo(notice.undo!)} className="font-medium underline">Undo</button> : null}
        </div>
        <div role="alert" className="mb-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 empty:hidden" data-testid="wire-alert">{alert}</div>
        {held.length ? (
          <button type="button" onClick={reveal} className="sticky top-2 z-10 mx-auto mb-2 block rounded-full border border-sky-300 bg-sky-50 px-4 py-1 text-sm font-medium text-sky-900 shadow-sm hover:bg-sky-100" data-testid="wire-new-items">
            {plural(held.length, "new item")}: show
          </button>
        ) : null}
        <div
          ref={grid}
          role="grid"
          aria-label="Wire queue, newest first"
          aria-readonly="true"
          onKeyDown={(event) => {
            if (event.target instanceof HTMLElement && event.target.closest("a, button")) return;
            if (event.key === "Enter" && selectedRef.current) {
              event.preventDefault();
              void open(selectedRef.current);
            } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              move(event.key === "ArrowDown" ? 1 : -1);
            }
          }}
          className="divide-y divide-slate-100 overflow-hidden rounded border border-slate-200 bg-white"
          data-testid="wire-queue"
        >
          {rows.length === 0 ? (
            <div role="row"><div role="gridcell" className="px-4 py-6 text-sm text-slate-600">No wire items match. New ones appear here as they arrive.</div></div>
          ) : (
            rows.map((row, index) => (
              <QueueRowView
                key={row.clusterId}
                row={row}
                timeZone={props.timeZone}
                selected={row.id === selectedId}
                tabbable={row.id === selectedId || (selectedIndex === -1 && index === 0)}
                onFocus={() => setSelectedId(row.id)}
                open={row.id === openId}
                focusRef={(cell) => {
                  if (cell) cells.current.set(row.id, cell);
                  else cells.current.delete(row.id);
                }}
                onPick={() => {
                  select(row.id);
                  void open(row.id);
                }}
              />
            ))
          )}
        </div>
        {cursor ? (
          <div className="mt-3 text-center">
            <button type="button" onClick={() => void loadMore()} disabled={loadingMore} className={buttonClass} data-testid="wire-load-more">
              {loadingMore ? "Loading…" : "Load more"}
            </button>
          </div>
        ) : rows.length ? (
          <p className="mt-3 text-center text-xs text-slate-500">That is everything on the desk{query.size ? " for this filter" : ""}.</p>
        ) : null}
        <KeyboardShortcuts shortcuts={shortcuts} />
      </div>
      <div
        className={
          openId
            ? "fixed inset-0 z-30 overflow-y-auto bg-white p-4 lg:sticky lg:inset-auto lg:top-4 lg:z-auto lg:max-h-[calc(100vh-2rem)] lg:rounded lg:border lg:border-slate-200"
            : "hidden lg:sticky lg:top-4 lg:block lg:rounded lg:border lg:border-dashed lg:border-slate-300 lg:p-4"
        }
      >
        {openId ? (
          <ItemPanel
            detail={detail}
            loading={detailState.loading}
            error={detailState.error}
            timeZone={props.timeZone}
            canTake={props.canTake}
            canDismiss={props.canDismiss}
            busy={busy}
            headingRef={heading}
            onTake={() => void take(openId)}
            onDismiss={() => void dismiss(openId)}
            onOpenMember={(id) => void open(id)}
            onClose={close}
          />
        ) : (
          <p className="text-sm text-slate-600">Choose an item to read it here: click it, or move with <kbd className="rounded border border-slate-300 px-1 font-mono">j</kbd> and <kbd className="rounded border border-slate-300 px-1 font-mono">k</kbd> and press <kbd className="rounded border border-slate-300 px-1 font-mono">Enter</kbd>.</p>
        )}
      </div>
    </div>
  );
}
