"use client";

import { useActionState, useState } from "react";
import {
  killStoryAction, publishStoryAction, submitStoryAction, unpublishStoryAction,
  type StoryCommandState,
} from "@/app/(admin)/admin/stories/actions";
import { scheduleStoryAction, type ScheduleState } from "@/app/(admin)/admin/stories/schedule-actions";
import { formatZonedTime, parseWallTime, zonedWallTimeToUtc } from "@/lib/site/zoned-time";

type Action = (previous: StoryCommandState, form: FormData) => Promise<StoryCommandState>;

const styles = {
  primary: "bg-emerald-700 text-white hover:bg-emerald-800",
  dark: "bg-slate-900 text-white hover:bg-slate-700",
  warn: "border border-orange-300 bg-white text-orange-900 hover:bg-orange-50",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
};

/** One story command as its own form, with its error shown beside the buttons. */
function CommandForm(props: { id: string; action: Action; label: string; busy: string; style: keyof typeof styles; confirm?: string }) {
  const [state, action, pending] = useActionState<StoryCommandState, FormData>(props.action, {});
  return (
    <form
      action={action}
      onSubmit={props.confirm ? (event) => { if (!window.confirm(props.confirm)) event.preventDefault(); } : undefined}
    >
      <input type="hidden" name="id" value={props.id} />
      <button type="submit" disabled={pending} className={`rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60 ${styles[props.style]}`}>
        {pending ? props.busy : props.label}
      </button>
      {state.message ? <p className="mt-1 max-w-xs text-sm text-red-800" data-testid="command-error">{state.message}</p> : null}
    </form>
  );
}

/**
 * "Publish at", in the newsroom's time zone whatever the browser's: the server reads the typed
 * wall-clock time in that zone, and the line under the field shows the instant it will be (a
 * time the clocks skip in spring shows as the hour after).
 */
function ScheduleForm(props: { id: string; status: string; zone: { id: string; name: string } }) {
  const [state, action, pending] = useActionState<ScheduleState, FormData>(scheduleStoryAction, {});
  const [value, setValue] = useState("");
  const wall = parseWallTime(value);
  const goesLive = wall ? formatZonedTime(zonedWallTimeToUtc(wall, props.zone.id), props.zone.id) : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={props.id} />
      <div>
        <label htmlFor="publishAt" className="block text-xs font-medium text-slate-600">Publish at ({props.zone.name})</label>
        <input
          id="publishAt" name="publishAt" type="datetime-local" required value={value} onChange={(event) => setValue(event.target.value)}
          aria-describedby="publish-at-preview" className="mt-1 rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      </div>
      <button type="submit" disabled={pending} className={`rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60 ${styles.dark}`}>
        {pending ? "Scheduling…" : props.status === "scheduled" ? "Reschedule" : "Schedule"}
      </button>
      <p id="publish-at-preview" className="w-full text-xs text-slate-600" aria-live="polite" data-testid="publish-at-preview">
        {goesLive ? `Goes live ${goesLive}.` : null}
      </p>
      {state.message ? <p className="w-full max-w-xs text-sm text-red-800" data-testid="command-error">{state.message}</p> : null}
    </form>
  );
}

/** Workflow commands. Shown only to roles that may use them; the server checks again whatever is posted. */
export function StoryCommands(props: {
  id: string; status: string; canPublish: boolean; canUnpublish: boolean; canSubmit: boolean; canKill: boolean;
  /** The newsroom's zone (IANA id) and its short name now, for "Publish at". */
  zone?: { id: string; name: string };
}) {
  const { id, status, canPublish, canUnpublish, canSubmit, canKill, zone } = props;
  const live = status === "published" || status === "scheduled";
  return (
    <div className="flex flex-wrap items-start gap-2">
      {canPublish && status !== "published" && status !== "killed" ? <CommandForm id={id} action={publishStoryAction} label="Publish" busy="Publishing…" style="primary" /> : null}
      {canSubmit && !canPublish && (status === "draft" || status === "unpublished") ? (
        <CommandForm id={id} action={submitStoryAction} label="Submit for review" busy="Submitting…" style="dark" />
      ) : null}
      {canUnpublish && live ? <CommandForm id={id} action={unpublishStoryAction} label="Unpublish" busy="Unpublishing…" style="warn" /> : null}
      {canKill && status !== "killed" ? (
        <CommandForm id={id} action={killStoryAction} label="Kill" busy="Killing…" style="danger" confirm="Kill this story? It leaves the site for good; the copy is kept for the record." />
      ) : null}
      {canPublish && zone && status !== "published" && status !== "killed" ? <ScheduleForm id={id} status={status} zone={zone} /> : null}
    </div>
  );
}
