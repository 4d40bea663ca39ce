"use client";

import { createContext, useCallback, useContext, useId, useRef, useState } from "react";
import { useActionState } from "react";
import {
  createApiKeyAction, createUserAction, liftSignInLockAction, revokeApiKeyAction, setPasswordAction, updateUserAction,
  type ApiKeyState, type RevokeApiKeyState, type SetPasswordState, type SignInLockState, type UserAccessState, type UserFormState,
} from "@/app/(admin)/admin/users/actions";
import { Field, inputClass } from "@/components/admin/field";
import { ConfirmButton } from "@/components/admin/confirm-dialog";
import { withArticle } from "@/lib/auth/permissions";


// One message on the page at a time: the answer to the action last taken, beside its form. Each
// form claims the message when it is submitted; the others' answers then step aside.
const LatestMessage = createContext<{ latest: string | null; setLatest: (id: string) => void } | null>(null);

export function UserActionMessages({ children }: { children: React.ReactNode }) {
  const [latest, setLatest] = useState<string | null>(null);
  return <LatestMessage.Provider value={{ latest, setLatest }}>{children}</LatestMessage.Provider>;
}

function useLatestMessage() {
  const id = useId();
  const context = useContext(LatestMessage);
  const setLatest = context?.setLatest;
  const claim = useCallback(() => setLatest?.(id), [setLatest, id]);
  // Outside the provider every form keeps its own answer.
  return { mine: !context || context.latest === id, claim };
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(createUserAction, {});
  const latest = useLatestMessage();
  const errors = latest.mine ? state.fields ?? {} : {};
  return (
    <form action={action} onSubmit={latest.claim} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 sm:items-end" noValidate>
      <Field id="new-email" label="Email" errors={errors.email}>
        <input id="new-email" name="email" type="email" defaultValue={state.values?.email} className={inputClass} aria-invalid={!!errors.email} />
      </Field>
      <Field id="new-name" label="Name" errors={errors.name}>
        <input id="new-name" name="name" defaultValue={state.values?.name} className={inputClass} />
      </Field>
      <Field id="new-role" label="Role" errors={errors.role}>
        {/* Keyed by the submitted role: React resets a form after its action, and a select resets to
            the default it was mounted with, which would silently turn the chosen role back to writer. */}
        <select key={state.values?.role ?? "writer"} id="new-role" name="role" defaultValue={state.values?.role ?? "writer"} className={inputClass}>
          <option value="writer">writer</option>
          <option value="editor">editor</option>
          <option value="admin">admin</option>
        </select>
      </Field>
      <Field id="new-password" label="Password" errors={errors.password}>
        <input id="new-password" name="password" type="password" autoComplete="new-password" className={inputClass} aria-invalid={!!errors.password} />
      </Field>
      <Field id="new-password-confirm" label="Confirm password" errors={errors.passwordConfirm}>
        <input id="new-password-confirm" name="passwordConfirm" type="password" autoComplete="new-password" className={inputClass} aria-invalid={!!errors.passwordConfirm} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? "Creating…" : "Create user"}
      </button>
      {latest.mine && state.message ? <p className="text-sm text-red-700 sm:col-span-3 lg:col-span-6" data-testid="form-error" role="alert">{state.message}</p> : null}
      {latest.mine && state.created ? <p className="text-sm text-emerald-800 sm:col-span-3 lg:col-span-6" role="status">{state.created}</p> : null}
    </form>
  );
}

/** Copies a new API key; where the clipboard is out of reach, selects it for Ctrl+C. */
function CopyKeyButton({ target }: { target: React.RefObject<HTMLElement | null> }) {
  const [said, setSaid] = useState<string | null>(null);
  return (
    <span className="mt-1 flex items-center gap-2">
      <button
        type="button"
        className="rounded border border-amber-400 bg-white px-2 py-0.5 text-xs font-medium text-amber-950 hover:bg-amber-100"
        onClick={async () => {
          const key = target.current?.textContent?.trim() ?? "";
          try {
            await navigator.clipboard.writeText(key);
            setSaid("Copied.");
          } catch {
            const range = document.createRange();
            if (target.current) range.selectNodeContents(target.current);
            window.getSelection()?.removeAllRanges();
            window.getSelection()?.addRange(range);
            setSaid("Selected: press Ctrl+C (⌘C) to copy.");
          }
        }}
      >
        Copy
      </button>
      <span role="status" className="text-xs">{said}</span>
    </span>
  );
}

export function CreateApiKeyButton({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ApiKeyState, FormData>(createApiKeyAction, {});
  const latest = useLatestMessage();
  const code = useRef<HTMLElement>(null);
  return (
    <form action={action} onSubmit={latest.claim} className="space-y-2">
      <input type="hidden" name="email" value={email} />
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
        New API key
      </button>
      {/* The key itself is not a message: it stays until the page is left, as it is shown only once. */}
      {state.key ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950">
          Copy this key now; it is not shown again:
          <code ref={code} className="mt-1 block break-all font-mono text-sm" data-testid="new-api-key">{state.key}</code>
          <CopyKeyButton key={state.key} target={code} />
        </div>
      ) : null}
      {latest.mine && state.message ? <p className="text-sm text-red-700" data-testid="api-key-error" role="alert">{state.message}</p> : null}
    </form>
  );
}

/** Role and access for one user: change the role, or deactivate / reactivate the account; each change asks first. */
export function UserAccessForm({ id, email, role, active }: { id: string; email: string; role: string; active: boolean }) {
  const [state, action, pending] = useActionState<UserAccessState, FormData>(updateUserAction, {});
  const [chosen, setChosen] = useState(role);
  const latest = useLatestMessage();
  return (
    <form action={action} onSubmit={latest.claim} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`role-${id}`} className="sr-only">Role of {email}</label>
      <select key={role} id={`role-${id}`} name="role" defaultValue={role} onChange={(event) => setChosen(event.target.value)} className="rounded border border-slate-300 px-2 py-1">
        <option value="writer">writer</option>
        <option value="editor">editor</option>
        <option value="admin">admin</option>
      </select>
      <ConfirmButton
        name="change"
        value="role"
        disabled={pending}
        className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
        confirm={{
          title: chosen === role ? `Keep ${email} as ${withArticle(role)}?` : `Make ${email} ${withArticle(chosen)}?`,
          body: chosen === role ? "The role chosen is the one they have: nothing changes." : `They are ${withArticle(role)} now; the new role applies from their next request.`,
          confirmLabel: "Change role",
          tone: "caution",
        }}
      >
        Change role
      </ConfirmButton>
      {active ? (
        <ConfirmButton
          name="change"
          value="deactivate"
          disabled={pending}
          className="rounded border border-red-300 bg-white px-3 py-1 text-red-800 hover:bg-red-50"
          confirm={{
            title: `Deactivate ${email}?`,
            body: "They are signed out everywhere at once and their API keys stop working, until an admin reactivates the account.",
            confirmLabel: "Deactivate",
          }}
        >
          Deactivate
        </ConfirmButton>
      ) : (
        <button type="submit" name="change" value="activate" disabled={pending} className="rounded border border-emerald-300 bg-white px-3 py-1 text-emerald-900 hover:bg-emerald-50">Reactivate</button>
      )}
      {latest.mine && state.message ? <span className="text-red-700" data-testid="access-error" role="alert">{state.message}</span> : null}
      {latest.mine && state.saved ? <span className="text-emerald-800" data-testid="access-saved" role="status">{state.saved}</span> : null}
    </form>
  );
}

/** A new password for a user who lost theirs, typed twice; their sessions end. */
export function SetPasswordForm({ id, email }: { id: string; email: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, {});
  const latest = useLatestMessage();
  const fieldId = `password-${id}`;
  const fields = latest.mine ? state.fields ?? {} : {};
  const fieldError = (name: string, errors: string[] | undefined) =>
    errors ? <p id={`${fieldId}-${name}-error`} className="mt-1 max-w-xs text-red-700" data-testid={`set-password-error`}>{errors[0]}</p> : null;
  return (
    <form action={action} onSubmit={latest.claim} className="flex flex-wrap items-start gap-2 text-sm" noValidate>
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor={fieldId} className="sr-only">New password for {email}</label>
        <input id={fieldId} name="password" type="password" autoComplete="new-password" placeholder="New password"
          aria-invalid={!!fields.password} aria-describedby={fields.password ? `${fieldId}-password-error` : undefined}
          className="w-44 rounded border border-slate-300 px-2 py-1" />
        {fieldError("password", fields.password)}
      </div>
      <div>
        <label htmlFor={`${fieldId}-confirm`} className="sr-only">Confirm new password for {email}</label>
        <input id={`${fieldId}-confirm`} name="passwordConfirm" type="password" autoComplete="new-password" placeholder="Confirm password"
          aria-invalid={!!fields.passwordConfirm} aria-describedby={fields.passwordConfirm ? `${fieldId}-passwordConfirm-error` : undefined}
          className="w-44 rounded border border-slate-300 px-2 py-1" />
        {fieldError("passwordConfirm", fields.passwordConfirm)}
      </div>
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-60">Set password</button>
      {latest.mine && state.message && !state.fields ? <span className="text-red-700" data-testid="set-password-error" role="alert">{state.message}</span> : null}
      {latest.mine && state.saved ? <span className="text-emerald-800" data-testid="set-password-saved" role="status">{state.saved}</span> : null}
    </form>
  );
}

/**
 * While the user's sign-in is paused by failed attempts (`summary` says how), a button to lift it.
 * Always mounted, so that it can still say it was lifted once the page no longer shows a pause.
 */
export function LiftSignInLockButton({ id, summary }: { id: string; summary: string | null }) {
  const [state, action, pending] = useActionState<SignInLockState, FormData>(liftSignInLockAction, {});
  const latest = useLatestMessage();
  if (!summary && !(latest.mine && (state.saved || state.message))) return null;
  return (
    <form action={action} onSubmit={latest.claim} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      {summary ? <span className="text-amber-900" data-testid="sign-in-lock">{summary}</span> : null}
      {summary ? (
        <button type="submit" disabled={pending} className="rounded border border-amber-400 bg-white px-3 py-1 text-amber-950 hover:bg-amber-50 disabled:opacity-60">Lift sign-in lock</button>
      ) : null}
      {latest.mine && state.message ? <span className="text-red-700" data-testid="sign-in-lock-error" role="alert">{state.message}</span> : null}
      {latest.mine && state.saved && !summary ? <span className="text-emerald-800" data-testid="sign-in-lock-lifted" role="status">{state.saved}</span> : null}
    </form>
  );
}

export function RevokeApiKeyButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<RevokeApiKeyState, FormData>(revokeApiKeyAction, {});
  const latest = useLatestMessage();
  return (
    <form action={action} onSubmit={latest.claim}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-red-700 underline disabled:opacity-60">Revoke</button>
      {latest.mine && state.message ? <span className="ml-2 text-red-700" data-testid="revoke-error" role="alert">{state.message}</span> : null}
    </form>
  );
}
