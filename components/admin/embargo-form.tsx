"use client";

import { startTransition, useActionState, type JSX } from "react";
import { changeEmbargoAction, type EmbargoState } from "@/app/(admin)/admin/stories/embargo-actions";
import { ConfirmButton } from "@/components/admin/confirm-dialog";
import { ZonedDateTimeInput } from "@/components/admin/zoned-date-time-input";
import { embargoHolds, liftingEmbargoPublishes } from "@/lib/stories/embargo-state";
import { formatZonedInstant } from "@/lib/site/zoned-time";

export type EmbargoFormStory = {
  id: string;
  /** The version the change is based on: a change made since refuses this one (409), as a save does. */
  version: number;
  headline: string;
  status: string;
  embargoUntil: string | null;
  scheduledAt: string | null;
};

const button = "rounded px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 disabled:opacity-60";

/**
 * Set, move or lift a story's embargo, in the newsroom's zone. Lifting the embargo of a story that
 * waits only for it puts the story live, so that asks first. The server checks everything again
 * (changeEmbargoAction → updateStory, the API's rules).
 */
export function EmbargoForm(props: {
  story: EmbargoFormStory;
  timeZone: string;
  /** Runs first (the editor saves what is typed, so the change applies to it); false stops the change. */
  beforeSubmit?: () => Promise<boolean>;
  /** The version the editor's copy is at after that save (it moves as the editor saves). */
  currentVersion?: () => number | undefined;
}): JSX.Element {
  const { story, timeZone } = props;
  const [state, action, pending] = useActionState<EmbargoState, FormData>(changeEmbargoAction, {});
  const holds = embargoHolds(story);
  const mustConfirm = liftingEmbargoPublishes(story) || !!state.needsConfirm;
  const until = story.embargoUntil ? formatZonedInstant(new Date(story.embargoUntil), timeZone) : null;

  return (
    <section aria-labelledby="embargo-heading" data-testid="embargo-form">
      <h2 id="embargo-heading" className="text-sm font-semibold text-slate-900">Embargo</h2>
      <p className="mt-1 text-sm text-slate-800" data-testid="embargo-state">
        {holds ? `Embargoed until ${until}: it cannot go live before then.` : until ? `Embargo lifted ${until}.` : "No embargo."}
      </p>
      <form
        className="mt-2 space-y-2"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
          if (props.beforeSubmit && !(await props.beforeSubmit())) return;
          const version = props.currentVersion?.();
          if (version) data.set("version", String(version));
          startTransition(() => action(data));
        }}
      >
        <input type="hidden" name="id" value={story.id} />
        <input type="hidden" name="version" value={story.version} />
        <ZonedDateTimeInput
          // A new embargo (or none) from the server starts the fields afresh.
          key={story.embargoUntil ?? "none"}
          name="embargoUntil"
          label={holds ? "Move the embargo to" : "Embargo until"}
          timeZone={timeZone}
          defaultValue={holds ? story.embargoUntil : null}
          describe="Lifts"
          disabled={pending}
        />
        <div className="flex flex-wrap gap-2">
          {story.status === "published" ? (
            // Readers see it now: an embargo takes it off the site until it lifts, so that asks first.
            <ConfirmButton
              name="intent"
              value="set"
              disabled={pending}
              className={`${button} bg-slate-900 text-white hover:bg-slate-700`}
              confirm={{
                title: `Take “${story.headline}” off the site until the embargo lifts?`,
                body: "The story is live: readers lose the page now, and it goes back up, in its old place, when the embargo lifts.",
                confirmLabel: "Embargo it",
                tone: "caution",
              }}
            >
              {holds ? "Move embargo" : "Set embargo"}
            </ConfirmButton>
          ) : (
            <button type="submit" name="intent" value="set" disabled={pending} className={`${button} bg-slate-900 text-white hover:bg-slate-700`}>
              {holds ? "Move embargo" : "Set embargo"}
            </button>
          )}
          {holds ? (
            mustConfirm ? (
              <ConfirmButton
                name="intent"
                value="lift-confirmed"
                disabled={pending}
                className={`${button} border border-amber-400 bg-white text-amber-950 hover:bg-amber-50`}
                confirm={{
                  title: `Lift the embargo on “${story.headline}”?`,
                  body: "The story is scheduled only to wait for its embargo: lifting it puts the story on the site for readers now.",
                  confirmLabel: "Lift embargo and publish now",
                  tone: "caution",
                }}
              >
                Lift embargo
              </ConfirmButton>
            ) : (
              <button type="submit" name="intent" value="lift" disabled={pending} className={`${button} border border-slate-300 bg-white text-slate-900 hover:bg-slate-100`}>
                Lift embargo
              </button>
            )
          ) : null}
        </div>
        <div aria-live="polite" aria-atomic="true">
          {pending ? <p className="text-sm text-slate-700">Saving the embargo…</p> : null}
          {!pending && state.message ? <p key={state.at} role="status" className="text-sm text-emerald-900" data-testid="embargo-message">{state.message}</p> : null}
          {!pending && state.error ? <p key={state.at} role="alert" className="text-sm text-red-800" data-testid="embargo-error">{state.error}</p> : null}
        </div>
      </form>
    </section>
  );
}
