"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import {
  killStoryAction, publishStoryAction, returnStoryAction, submitStoryAction, unpublishStoryAction, withdrawStoryAction,
  type StoryCommandState,
} from "@/app/(admin)/admin/stories/actions";
import { scheduleStoryAction, type ScheduleState } from "@/app/(admin)/admin/stories/schedule-actions";
import { useConfirm, type ConfirmRequest } from "@/components/admin/confirm-dialog";
import { ZonedDateTimeInput } from "@/components/admin/zoned-date-time-input";
import { hasLiveStatus } from "@/lib/stories/live";

type Action = (previous: StoryCommandState, form: FormData) => Promise<StoryCommandState>;
/** Saves what the editor holds; false when it could not (the editor says why). */
export type BeforeCommand = () => Promise<boolean>;

const styles = {
  primary: "bg-emerald-700 text-white hover:bg-emerald-800",
  dark: "bg-slate-900 text-white hover:bg-slate-700",
  plain: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  warn: "border border-orange-300 bg-white text-orange-900 hover:bg-orange-50",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
};
const buttonClass = "rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";
const notSaved = (what: string) => `Not ${what}: your latest changes could not be saved first (see the message above the commands).`;

/**
 * Runs a command on a form: first saves what the editor holds (so Publish publishes what the
 * editor sees, never the copy stored before the last keystrokes), asks first where the command is
 * destructive or puts something live, then posts the form to its server action.
 */
function useCommand(action: Action, options: { beforeCommand?: BeforeCommand; confirm?: ConfirmRequest; what: string }) {
  const [state, formAction, pending] = useActionState<StoryCommandState, FormData>(action, {});
  const [preparing, setPreparing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();
  const run = async (form: HTMLFormElement) => {
    setRefusal(null);
    if (options.confirm && !(await confirm(options.confirm))) return;
    setPreparing(true);
    const saved = options.beforeCommand ? await options.beforeCommand() : true;
    setPreparing(false);
    if (!saved) {
      setRefusal(notSaved(options.what));
      return;
    }
    const data = new FormData(form);
    startTransition(() => formAction(data));
  };
  const message = refusal ?? state.message ?? null;
  return { run, busy: pending || preparing, message, dialog };
}

function CommandError({ message }: { message: string | null }) {
  return message ? <p className="mt-1 max-w-xs text-sm text-red-800" role="alert" data-testid="command-error">{message}</p> : null;
}

/** One story command as its own form, with its error shown beside its button. */
function CommandForm(props: {
  id: string; action: Action; label: string; busy: string; style: keyof typeof styles; what: string;
  confirm?: ConfirmRequest; beforeCommand?: BeforeCommand;
}) {
  const command = useCommand(props.action, props);
  return (
    <form onSubmit={(event) => { event.preventDefault(); void command.run(event.currentTarget); }}>
      <input type="hidden" name="id" value={props.id} />
      <button type="submit" disabled={command.busy} className={`${buttonClass} ${styles[props.style]}`}>
        {command.busy ? props.busy : props.label}
      </button>
      <CommandError message={command.message} />
      {command.dialog}
    </form>
  );
}

/** "Send back": the desk returns a story in review to its writer with a note saying what it needs. */
function ReturnForm({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const command = useCommand(returnStoryAction, { what: "sent back" });
  const note = useRef<HTMLTextAreaElement>(null);
  if (!open) {
    return <button type="button" className={`${buttonClass} ${styles.plain}`} onClick={() => { setOpen(true); requestAnimationFrame(() => note.current?.focus()); }}>Send back</button>;
  }
  return (
    <form onSubmit={(event) => { event.preventDefault(); void command.run(event.currentTarget); }} className="w-full space-y-2 rounded border border-slate-300 bg-slate-50 p-3">
      <input type="hidden" name="id" value={id} />
      <label htmlFor="return-note" className="block text-sm font-medium text-slate-800">What does the story need?</label>
      <textarea ref={note} id="return-note" name="note" rows={3} maxLength={2000} required className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
      <div className="flex gap-2">
        <button type="submit" disabled={command.busy} className={`${buttonClass} ${styles.dark}`}>{command.busy ? "Sending back…" : "Send back to the writer"}</button>
        <button type="button" className={`${buttonClass} ${styles.plain}`} onClick={() => setOpen(false)}>Cancel</button>
      </div>
      <CommandError message={command.message} />
    </form>
  );
}

/**
 * "Publish at", typed the newsroom's way in its zone whatever the browser's: the server reads the
 * wall-clock time in that zone, and the line under the fields says the instant it will be (a time
 * the clocks skip in spring is the hour after).
 */
function ScheduleForm(props: { id: string; status: string; zone: { id: string; name: string }; scheduledAt?: string | null; beforeCommand?: BeforeCommand }) {
  const [state, action, pending] = useActionState<ScheduleState, FormData>(scheduleStoryAction, {});
  const [preparing, setPreparing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const message = refusal ?? state.message ?? null;
  return (
    <form
      className="w-full space-y-2"
      data-testid="schedule-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setRefusal(null);
        setPreparing(true);
        const saved = props.beforeCommand ? await props.beforeCommand() : true;
        setPreparing(false);
        if (!saved) return setRefusal(notSaved("scheduled"));
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="id" value={props.id} />
      <ZonedDateTimeInput
        // A scheduled story shows when it goes live, to move it from there.
        key={props.scheduledAt ?? "unscheduled"} name="publishAt" label={`Publish at (${props.zone.name})`} timeZone={props.zone.id}
        defaultValue={props.status === "scheduled" ? props.scheduledAt : null} describe="Goes live" required
      />
      <button type="submit" disabled={pending || preparing} className={`${buttonClass} ${styles.dark}`}>
        {pending || preparing ? "Scheduling…" : props.status === "scheduled" ? "Reschedule" : "Schedule"}
      </button>
      {message ? <p className="w-full max-w-xs text-sm text-red-800" role="alert" data-testid="command-error">{message}</p> : null}
      {!message && state.done && !pending ? <p className="w-full text-sm text-emerald-900" role="status" data-testid="schedule-done">{state.done}</p> : null}
    </form>
  );
}

export type StoryCommandsProps = {
  id: string;
  status: string;
  headline: string;
  canPublish: boolean;
  canUnpublish: boolean;
  canSubmit: boolean;
  canKill: boolean;
  /** The newsroom's zone (IANA id) and its short name now, for "Publish at". */
  zone?: { id: string; name: string };
  /** When a scheduled story goes live. */
  scheduledAt?: string | null;
  beforeCommand?: BeforeCommand;
};

/** Workflow commands. Shown only to roles that may use them; the server checks again whatever is posted. */
export function StoryCommands(props: StoryCommandsProps) {
  const { id, status, canPublish, canUnpublish, canSubmit, canKill, zone, beforeCommand } = props;
  const live = hasLiveStatus(status);
  const named = `“${props.headline.length > 60 ? `${props.headline.slice(0, 57)}…` : props.headline}”`;
  return (
    <div className="flex flex-wrap items-start gap-2">
      {canPublish && status !== "published" && status !== "killed" ? (
        <CommandForm id={id} action={publishStoryAction} label="Publish" busy="Publishing…" style="primary" what="published" beforeCommand={beforeCommand} />
      ) : null}
      {canSubmit && !canPublish && (status === "draft" || status === "unpublished") ? (
        <CommandForm id={id} action={submitStoryAction} label="Submit for review" busy="Submitting…" style="dark" what="submitted" beforeCommand={beforeCommand} />
      ) : null}
      {canSubmit && status === "in_review" ? (
        <CommandForm id={id} action={withdrawStoryAction} label="Withdraw from review" busy="Withdrawing…" style="plain" what="withdrawn" beforeCommand={beforeCommand} />
      ) : null}
      {canPublish && status === "in_review" ? <ReturnForm id={id} /> : null}
      {canUnpublish && live ? (
        <CommandForm
          id={id} action={unpublishStoryAction} label="Unpublish" busy="Unpublishing…" style="warn" what="unpublished" beforeCommand={beforeCommand}
          confirm={{ title: `Unpublish ${named}?`, body: "Readers lose the page at once; the story stays in the newsroom and can be published again.", confirmLabel: "Unpublish", tone: "caution" }}
        />
      ) : null}
      {canKill && status !== "killed" ? (
        <CommandForm
          id={id} action={killStoryAction} label="Kill" busy="Killing…" style="danger" what="killed" beforeCommand={beforeCommand}
          confirm={{ title: `Kill ${named}?`, body: "It leaves the site, every list and feed for good (its address answers 410 Gone); the copy is kept for the record and can no longer be edited.", confirmLabel: "Kill the story" }}
        />
      ) : null}
      {canPublish && zone && status !== "published" && status !== "killed" ? <ScheduleForm id={id} status={status} zone={zone} scheduledAt={props.scheduledAt} beforeCommand={beforeCommand} /> : null}
    </div>
  );
}
