"use client";

import { useActionState } from "react";
import { changeWebhookAction, createWebhookAction, resendDeliveryAction, type WebhookChangeState, type WebhookFormState } from "@/app/(admin)/admin/webhooks/actions";
import { Field, inputClass } from "@/components/admin/field";
import { ConfirmButton } from "@/components/admin/confirm-dialog";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";

const buttonClass = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60";

export function CreateWebhookForm() {
  const [state, action, pending] = useActionState<WebhookFormState, FormData>(createWebhookAction, {});
  const errors = state.fields ?? {};
  const chosen = state.values?.events ?? ["story.published", "story.updated", "story.unpublished", "story.killed", "story.corrected"];
  return (
    <form action={action} className="grid gap-3" noValidate data-testid="new-webhook">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="webhook-url" label="Endpoint address" errors={errors.url}>
          <input id="webhook-url" name="url" type="url" inputMode="url" placeholder="https://example.com/hooks/dateline" defaultValue={state.values?.url} className={inputClass} aria-invalid={!!errors.url} />
        </Field>
        <Field id="webhook-description" label="Description (optional)" errors={errors.description}>
          <input id="webhook-description" name="description" defaultValue={state.values?.description} className={inputClass} aria-invalid={!!errors.description} />
        </Field>
      </div>
      <fieldset key={chosen.join(",")}>
        <legend className="text-sm font-medium">Events</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="events" value={event} defaultChecked={chosen.includes(event)} /> <code>{event}</code>
            </label>
          ))}
        </div>
        {errors.events ? <p className="mt-1 text-sm text-red-700">{errors.events.join(" ")}</p> : null}
      </fieldset>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {pending ? "Adding…" : "Add webhook"}
        </button>
      </div>
      {state.message ? <p className="text-sm text-red-700" data-testid="form-error" role="alert">{state.message}</p> : null}
      {state.created ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" role="status" data-testid="webhook-created">
          <p>Added {state.created.url}. Its deliveries are signed with this secret (Standard Webhooks): give it to the receiver.</p>
          <p className="mt-1 break-all font-mono" data-testid="webhook-secret">{state.created.secret}</p>
        </div>
      ) : null}
    </form>
  );
}

export function WebhookSwitch({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const [state, action, pending] = useActionState<WebhookChangeState, FormData>(changeWebhookAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="change" value={enabled ? "disable" : "enable"} disabled={pending} className={buttonClass}>
        {enabled ? "Switch off" : "Switch on"}
      </button>
      <ConfirmButton
        name="change"
        value="delete"
        disabled={pending}
        className={buttonClass}
        testId="remove-webhook"
        confirm={{ title: "Remove this webhook?", body: `Deliveries to ${url} stop, and their log goes with it.`, confirmLabel: "Remove", tone: "danger" }}
      >
        Remove
      </ConfirmButton>
      {state.message ? <span className="text-sm text-red-700" role="alert">{state.message}</span> : null}
      {state.saved ? <span className="text-sm text-emerald-800" role="status">{state.saved}</span> : null}
    </form>
  );
}

export function ResendButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<WebhookChangeState, FormData>(resendDeliveryAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-60">
        {pending ? "Sending…" : "Re-send"}
      </button>
      {state.message ? <span className="text-xs text-red-700" role="alert">{state.message}</span> : null}
      {state.saved ? <span className="text-xs text-emerald-800" role="status">{state.saved}</span> : null}
    </form>
  );
}
