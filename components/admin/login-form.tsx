"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/(auth)/login/actions";

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.message ? (
        <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">
          {state.message}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email}
          aria-invalid={!!state.fields?.email} aria-describedby={state.fields?.email ? "email-error" : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-slate-600 focus:outline-none focus:ring-2 focus:ring-slate-400" />
        {state.fields?.email ? <p id="email-error" className="mt-1 text-sm text-red-700">{state.fields.email[0]}</p> : null}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={!!state.fields?.password} aria-describedby={state.fields?.password ? "password-error" : undefined}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-slate-600 focus:outline-none focus:ring-2 focus:ring-slate-400" />
        {state.fields?.password ? <p id="password-error" className="mt-1 text-sm text-red-700">{state.fields.password[0]}</p> : null}
      </div>
      <button type="submit" disabled={pending}
        className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
