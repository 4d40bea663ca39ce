"use client";

import { useActionState } from "react";
import {
  createApiKeyAction, createUserAction, liftSignInLockAction, revokeApiKeyAction, setPasswordAction, updateUserAction,
  type ApiKeyState, type RevokeApiKeyState, type SetPasswordState, type SignInLockState, type UserAccessState, type UserFormState,
} from "@/app/(admin)/admin/users/actions";
import { Field, inputClass } from "@/components/admin/field";

export function CreateUserForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(createUserAction, {});
  const errors = state.fields ?? {};
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-5 sm:items-end" noValidate>
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
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? "Creating…" : "Create user"}
      </button>
      {state.message ? <p className="text-sm text-red-700 sm:col-span-5" data-testid="form-error">{state.message}</p> : null}
      {state.created ? <p className="text-sm text-emerald-800 sm:col-span-5" role="status">{state.created}</p> : null}
    </form>
  );
}

export function CreateApiKeyButton({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ApiKeyState, FormData>(createApiKeyAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="email" value={email} />
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
        New API key
      </button>
      {state.key ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950">
          Copy this key now; it is not shown again:
          <code className="mt-1 block break-all font-mono text-sm" data-testid="new-api-key">{state.key}</code>
        </p>
      ) : null}
      {state.message ? <p className="text-sm text-red-700" data-testid="api-key-error">{state.message}</p> : null}
    </form>
  );
}

/** Role and access for one user: change the role, or deactivate / reactivate the account. */
export function UserAccessForm({ id, email, role, active }: { id: string; email: string; role: string; active: boolean }) {
  const [state, action, pending] = useActionState<UserAccessState, FormData>(updateUserAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`role-${id}`} className="sr-only">Role of {email}</label>
      <select key={role} id={`role-${id}`} name="role" defaultValue={role} className="rounded border border-slate-300 px-2 py-1">
        <option value="writer">writer</option>
        <option value="editor">editor</option>
        <option value="admin">admin</option>
      </select>
      <button type="submit" name="change" value="role" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">Change role</button>
      {active ? (
        <button type="submit" name="change" value="deactivate" disabled={pending} className="rounded border border-red-300 bg-white px-3 py-1 text-red-800 hover:bg-red-50">Deactivate</button>
      ) : (
        <button type="submit" name="change" value="activate" disabled={pending} className="rounded border border-emerald-300 bg-white px-3 py-1 text-emerald-900 hover:bg-emerald-50">Reactivate</button>
      )}
      {state.message ? <span className="text-red-700" data-testid="access-error">{state.message}</span> : null}
      {state.saved ? <span className="text-emerald-800" data-testid="access-saved">{state.saved}</span> : null}
    </form>
  );
}

/** A new password for a user who lost theirs; their sessions end. */
export function SetPasswordForm({ id, email }: { id: string; email: string }) {
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, {});
  const fieldId = `password-${id}`;
  return (
    <form action={action} className="flex flex-wrap items-start gap-2 text-sm" noValidate>
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor={fieldId} className="sr-only">New password for {email}</label>
        <input id={fieldId} name="password" type="password" autoComplete="new-password" placeholder="New password"
          aria-invalid={!!state.fields?.password} aria-describedby={state.fields?.password ? `${fieldId}-error` : undefined}
          className="rounded border border-slate-300 px-2 py-1" />
        {state.fields?.password ? <p id={`${fieldId}-error`} className="mt-1 max-w-xs text-red-700" data-testid="set-password-error">{state.fields.password[0]}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-60">Set password</button>
      {state.message && !state.fields ? <span className="text-red-700" data-testid="set-password-error">{state.message}</span> : null}
      {state.saved ? <span className="text-emerald-800" data-testid="set-password-saved">{state.saved}</span> : null}
    </form>
  );
}

/**
 * While the user's sign-in is paused by failed attempts (`summary` says how), a button to lift it.
 * Always mounted, so that it can still say it was lifted once the page no longer shows a pause.
 */
export function LiftSignInLockButton({ id, summary }: { id: string; summary: string | null }) {
  const [state, action, pending] = useActionState<SignInLockState, FormData>(liftSignInLockAction, {});
  if (!summary && !state.saved && !state.message) return null;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      {summary ? <span className="text-amber-900" data-testid="sign-in-lock">{summary}</span> : null}
      {summary ? (
        <button type="submit" disabled={pending} className="rounded border border-amber-400 bg-white px-3 py-1 text-amber-950 hover:bg-amber-50 disabled:opacity-60">Lift sign-in lock</button>
      ) : null}
      {state.message ? <span className="text-red-700" data-testid="sign-in-lock-error">{state.message}</span> : null}
      {state.saved && !summary ? <span className="text-emerald-800" data-testid="sign-in-lock-lifted">{state.saved}</span> : null}
    </form>
  );
}

export function RevokeApiKeyButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<RevokeApiKeyState, FormData>(revokeApiKeyAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-red-700 underline disabled:opacity-60">Revoke</button>
      {state.message ? <span className="ml-2 text-red-700" data-testid="revoke-error">{state.message}</span> : null}
    </form>
  );
}
