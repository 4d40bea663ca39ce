"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { StatusBadge } from "@/components/admin/status-badge";
import { useConfirm, type ConfirmRequest } from "@/components/admin/confirm-dialog";
import { KeyboardShortcuts, type Shortcut } from "@/components/admin/keyboard-shortcuts";
import { useStoryEvents } from "@/components/admin/use-story-events";
import { bulkStoriesAction, type BulkActionState } from "@/app/(admin)/admin/actions";

/** A story as a row of the list shows it; times are formatted on the server, in the newsroom's zone. */
export type StoryListRow = {
  id: string;
  headline: string;
  status: string;
  createdBy: string;
  updatedBy: string;
  updatedAt: { iso: string; text: string };
  /** When it went (or goes) live: published, or scheduled. */
  live: { label: "Published" | "Scheduled"; iso: string; text: string } | null;
  embargo: { iso: string; text: string; lifted: boolean } | null;
  agency: string | null;
  words: number;
  pendingAgencyUpdate: boolean;
  /** A live story's unpublished changes wait: publishing puts them live. */
  hasDraftChanges: boolean;
  tags: string[];
};

type Action = "publish" | "unpublish" | "add_tag" | "kill";

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function confirmation(action: Action, rows: StoryListRow[], tag: string): ConfirmRequest {
  const stories = plural(rows.length, "story", "stories");
  const named = (
    <>
      <ul className="mt-2 list-disc pl-5">
        {rows.slice(0, 5).map((row) => <li key={row.id} className="break-words">{row.headline}</li>)}
      </ul>
      {rows.length > 5 ? <p className="mt-1">and {plural(rows.length - 5, "more")}.</p> : null}
    </>
  );
  const say = (line: string) => <><p>{line}</p>{named}</>;
  switch (action) {
    case "publish": {
      const drafts = rows.filter((row) => row.hasDraftChanges);
      return {
        title: `Publish ${stories}?`, confirmLabel: `Publish ${stories}`, tone: "caution",
        body: (
          <>
            {say("They go live on the site now; one under embargo is scheduled for when the embargo lifts.")}
            {drafts.length ? (
              <p className="mt-2 font-medium" data-testid="bulk-drafts-go-live">
                {drafts.length === 1 ? `“${drafts[0].headline}” has` : `${drafts.length} of them have`} unpublished changes waiting: publishing puts them live.
              </p>
            ) : null}
          </>
        ),
      };
    }
    case "unpublish":
      return { title: `Unpublish ${stories}?`, confirmLabel: `Unpublish ${stories}`, tone: "caution", body: say("They leave the site at once; they can be published again.") };
    case "kill":
      return { title: `Kill ${stories}?`, confirmLabel: `Kill ${stories}`, tone: "danger", body: say("Killed stories are withdrawn for good: their pages answer 410 Gone, and they cannot be published again.") };
    case "add_tag":
      return { title: `Add the tag “${tag}” to ${stories}?`, confirmLabel: `Add tag to ${stories}`, tone: "caution", body: say("A live story changes on the site at once.") };
  }
}

const buttonClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400";

/**
 * The newsroom's story list: rows to tick and act on together (each story through its own verb,
 * after a confirmation naming how many and what), kept up to date as stories change (server-sent
 * events, without losing what is ticked), and moved through with j/k and Enter.
 */
export function StoryListTable(props: { stories: StoryListRow[]; allowed: Action[]; firstPage: boolean; empty: string; error?: string }) {
  const { stories, allowed } = props;
  const router = useRouter();
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkActionState | null>(null);
  const [tag, setTag] = useState("");
  const [outside, setOutside] = useState<Set<string>>(new Set());
  const [running, startRunning] = useTransition();
  const [, startRefresh] = useTransition();
  const { confirm, dialog } = useConfirm();
  const list = useRef<HTMLDivElement>(null);
  const refreshTimer = useRef<number | null>(null);

  const rowIds = useMemo(() => new Set(stories.map((story) => story.id)), [stories]);
  // What is ticked among the rows shown: a ticked story that left the list (it no longer matches
  // the filters) stays ticked, but is not acted on while it is not shown.
  const selected = stories.filter((story) => ticked.has(story.id));
  const allTicked = stories.length > 0 && selected.length === stories.length;

  const refresh = () => {
    if (refreshTimer.current !== null) return;
    // Changes arriving together (a bulk action's) cost one refresh.
    refreshTimer.current = window.setTimeout(() => {
      refreshTimer.current = null;
      startRefresh(() => router.refresh());
    }, 150);
  };
  useEffect(() => () => {
    if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
  }, []);

  useStoryEvents((event) => {
    if (event.type === "presence") return;
    // Rows shown are refreshed where they are; stories not shown are announced, and shown when
    // the editor asks, so the rows do not move under someone mid-list.
    if (event.type === "resync" || rowIds.has(event.id)) return refresh();
    if (props.firstPage && event.op !== "delete") setOutside((before) => new Set(before).add(event.id));
  });

  const toggle = (id: string, on: boolean) =>
    setTicked((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const run = async (action: Action) => {
    const rows = selected;
    const tagName = tag.trim();
    if (!rows.length || (action === "add_tag" && !tagName)) return;
    if (!(await confirm(confirmation(action, rows, tagName)))) return;
    startRunning(async () => {
      const result = await bulkStoriesAction({ action, ids: rows.map((row) => row.id), ...(action === "add_tag" ? { tag: tagName } : {}) });
      setOutcome(result);
      if (!result.error) {
        setTicked(new Set());
        if (action === "add_tag") setTag("");
      }
      router.refresh();
    });
  };

  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>("a[data-story-link]") ?? [])];
  const move = (step: number) => {
    const all = links();
    if (!all.length) return;
    const at = all.findIndex((link) => link.closest("tr")?.contains(document.activeElement));
    const next = at === -1 ? 0 : Math.min(all.length - 1, Math.max(0, at + step));
    all[next].focus();
    all[next].scrollIntoView({ block: "nearest" });
  };
  const shortcuts: Shortcut[] = [
    { keys: "j", description: "Next story", run: () => move(1) },
    { keys: "k", description: "Previous story", run: () => move(-1) },
    { keys: "Enter", description: "Open the story" },
    {
      keys: "x",
      description: "Tick or untick the story",
      run: () => {
        const row = links().find((link) => link.closest("tr")?.contains(document.activeElement))?.closest("tr");
        const id = row?.getAttribute("data-story-id");
        if (id) toggle(id, !ticked.has(id));
      },
    },
  ];

  const can = (action: Action) => allowed.includes(action);
  const none = selected.length === 0 || running;

  return (
    <div ref={list}>
      {props.error ? <p className="mb-4 text-sm text-red-700">{props.error}</p> : null}
      {outside.size > 0 ? (
        <div role="status" className="mb-3 flex flex-wrap items-center gap-3 rounded border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900" data-testid="story-list-news">
          <span>{plural(outside.size, "story", "stories")} added or changed.</span>
          <button type="button" className="font-medium underline" onClick={() => {
            setOutside(new Set());
            startRefresh(() => router.refresh());
          }}>Show</button>
        </div>
      ) : null}
      <div role="group" aria-label="Bulk actions" className="mb-3 flex flex-wrap items-center gap-2 rounded border border-slate-200 bg-white px-3 py-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={allTicked} disabled={!stories.length} onChange={(event) => setTicked(event.target.checked ? new Set([...ticked, ...rowIds]) : new Set([...ticked].filter((id) => !rowIds.has(id))))} className="h-4 w-4" />
          Select all on this page
        </label>
        <span className="text-sm text-slate-600" data-testid="selected-count">{selected.length ? `${selected.length} selected` : "None selected"}</span>
        <span className="flex flex-wrap items-center gap-2 sm:ml-auto">
          {can("publish") ? <button type="button" className={buttonClass} disabled={none} onClick={() => run("publish")}>Publish</button> : null}
          {can("unpublish") ? <button type="button" className={buttonClass} disabled={none} onClick={() => run("unpublish")}>Unpublish</button> : null}
          {can("add_tag") ? (
            <span className="flex items-center gap-1">
              <label htmlFor="bulk-tag" className="sr-only">Tag to add</label>
              <input id="bulk-tag" value={tag} onChange={(event) => setTag(event.target.value)} placeholder="Tag to add" maxLength={80}
                className="w-32 rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-slate-400"
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    void run("add_tag");
                  }
                }} />
              <button type="button" className={buttonClass} disabled={none || !tag.trim()} onClick={() => run("add_tag")}>Add tag</button>
            </span>
          ) : null}
          {can("kill") ? <button type="button" className={`${buttonClass} text-red-800`} disabled={none} onClick={() => run("kill")}>Kill</button> : null}
        </span>
      </div>
      <p role="status" className="mb-3 text-sm empty:hidden" data-testid="bulk-outcome">
        {running ? "Working…" : (outcome?.error ?? outcome?.summary ?? "")}
      </p>
      <StoryRows stories={stories} ticked={ticked} toggle={toggle} empty={props.empty} />
      <KeyboardShortcuts shortcuts={shortcuts} />
      {dialog}
    </div>
  );
}

// Empty cells (no live time, no agency) take no room on a phone card.
const cell = "block px-4 py-1 empty:hidden md:table-cell md:py-2 md:empty:table-cell";

/** The rows: a table on a wide screen, a card per story on a phone (the same cells, stacked). */
function StoryRows(props: { stories: StoryListRow[]; ticked: Set<string>; toggle: (id: string, on: boolean) => void; empty: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white">
      <table className="block w-full text-left text-sm md:table">
        <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600 md:table-header-group">
          <tr>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Selected</span></th>
            {["Headline", "Status", "Live", "Agency", "Words", "Last change", "Tags"].map((column) => (
              <th key={column} scope="col" className="px-4 py-2">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 md:table-row-group" data-testid="admin-story-list">
          {props.stories.length === 0 ? (
            <tr className="block md:table-row"><td colSpan={8} className="block px-4 py-6 text-slate-500 md:table-cell">{props.empty}</td></tr>
          ) : (
            props.stories.map((story) => (
              <tr key={story.id} data-story-id={story.id} className="block py-2 focus-within:bg-sky-50 md:table-row md:py-0">
                <td className={`${cell} float-left md:float-none`}>
                  <input type="checkbox" className="mt-1 h-4 w-4" checked={props.ticked.has(story.id)} onChange={(event) => props.toggle(story.id, event.target.checked)}
                    aria-label={`Select “${story.headline}”`} />
                </td>
                <td className={cell}>
                  <Link href={`/admin/stories/${story.id}`} data-story-link className="font-medium break-words text-slate-900 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 rounded-sm">
                    {story.headline}
                  </Link>
                  <span className="block text-xs text-slate-500">created by {story.createdBy}</span>
                  {story.pendingAgencyUpdate ? (
                    <span className="mt-1 inline-block rounded bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900" data-testid="pending-agency-update">Agency update waiting</span>
                  ) : null}
                </td>
                <td className={cell}><StatusBadge status={story.status} /></td>
                <td className={`${cell} text-slate-600`} data-testid="live-time">
                  {story.live ? (
                    <span className="block">{story.live.label} <time dateTime={story.live.iso}>{story.live.text}</time></span>
                  ) : null}
                  {story.embargo ? (
                    <span className={`block text-xs ${story.embargo.lifted ? "text-slate-500" : "font-medium text-amber-800"}`} data-testid="embargo">
                      {story.embargo.lifted ? "Embargo lifted" : "Embargoed until"} <time dateTime={story.embargo.iso}>{story.embargo.text}</time>
                    </span>
                  ) : null}
                </td>
                <td className={`${cell} text-slate-600`}>{story.agency ? <><span className="md:sr-only">Agency: </span>{story.agency}</> : null}</td>
                <td className={`${cell} text-slate-600 md:text-right`} data-testid="word-count">{story.words.toLocaleString("en")}<span className="md:sr-only"> words</span></td>
                <td className={`${cell} text-slate-600`} data-testid="last-change">
                  <span className="block">{story.updatedBy}</span>
                  <time dateTime={story.updatedAt.iso} className="block text-xs">{story.updatedAt.text}</time>
                </td>
                <td className={`${cell} break-words text-slate-600`}>{story.tags.join(", ")}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
