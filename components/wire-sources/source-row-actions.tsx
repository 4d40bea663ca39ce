"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { deleteSourceAction, pollSourceNowAction, setSourceEnabledAction, sourceLastPolledAction, type SourceActionState } from "@/app/(admin)/admin/wire/sources/actions";
import { ConfirmButton } from "@/components/admin/confirm-dialog";

// A poll usually ends within a second or two; past this the button stops watching and says so.
const WATCH_MS = 10_000;
const LOOK_EVERY_MS = 500;

const buttonClass = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";

type Said = { text: string; tone: "status" | "error" } | null;

/** "Poll now": queues the poll, watches the source until it was polled, then shows the list afresh. */
function PollNowButton({ id, name, enabled, report }: { id: string; name: string; enabled: boolean; report: (said: Said) => void }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function pollNow() {
    setBusy(true);
    report({ text: "Polling…", tone: "status" });
    try {
      const before = await sourceLastPolledAction(id);
      const queued = await pollSourceNowAction(id);
      if (queued.message) return report({ text: queued.message, tone: "error" });
      const deadline = Date.now() + WATCH_MS;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS));
        const now = await sourceLastPolledAction(id);
        if (now.message) return report({ text: now.message, tone: "error" });
        if (now.lastPolledAt && now.lastPolledAt !== before.lastPolledAt) {
          router.refresh();
          return report({ text: "Polled: the health shown is from this poll.", tone: "status" });
        }
      }
      router.refresh();
      report({ text: "The poll is queued but has not finished yet; reload the page in a moment to see it.", tone: "status" });
    } catch {
      report({ text: "Could not reach the newsroom to poll: try again.", tone: "error" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" onClick={pollNow} disabled={busy || !enabled} title={enabled ? undefined : "Enable the source to poll it"} className={buttonClass} aria-describedby={`said-${id}`}>
      {busy ? "Polling…" : "Poll now"}<span className="sr-only"> {name}</span>
    </button>
  );
}

/** Passes a form's answer on to the row's one status line. */
function useReport(state: SourceActionState, report: (said: Said) => void) {
  useEffect(() => {
    if (state.message) report({ text: state.message, tone: "error" });
    else if (state.saved) report({ text: state.saved, tone: "status" });
  }, [state, report]);
}

function EnableButton({ id, name, enabled, report }: { id: string; name: string; enabled: boolean; report: (said: Said) => void }) {
  const [state, action, pending] = useActionState<SourceActionState, FormData>(setSourceEnabledAction, {});
  useReport(state, report);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {enabled ? "Disable" : "Enable"}<span className="sr-only"> {name}</span>
      </button>
    </form>
  );
}

function DeleteButton({ id, name, report }: { id: string; name: string; report: (said: Said) => void }) {
  const [state, action, pending] = useActionState<SourceActionState, FormData>(deleteSourceAction, {});
  useReport(state, report);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <ConfirmButton
        disabled={pending}
        className="rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
        confirm={{
          title: `Delete the source “${name}”?`,
          body: "It is polled no more. What it brought in stays on the desk and in stories.",
          confirmLabel: "Delete source",
        }}
      >
        Delete<span className="sr-only"> {name}</span>
      </ConfirmButton>
    </form>
  );
}

/** The actions on one source in the list, and one line below them with the answer to the last. */
export function SourceRowActions({ id, name, enabled }: { id: string; name: string; enabled: boolean }) {
  const [said, setSaid] = useState<Said>(null);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-start gap-2">
        <PollNowButton id={id} name={name} enabled={enabled} report={setSaid} />
        <Link href={`/admin/wire/sources/${id}`} className={buttonClass}>
          Edit<span className="sr-only"> {name}</span>
        </Link>
        <EnableButton id={id} name={name} enabled={enabled} report={setSaid} />
        <DeleteButton id={id} name={name} report={setSaid} />
      </div>
      <p id={`said-${id}`} role={said?.tone === "error" ? "alert" : "status"} className={`max-w-xs text-xs ${said?.tone === "error" ? "text-red-700" : "text-slate-600"}`} data-testid="row-said">
        {said?.text}
      </p>
    </div>
  );
}
