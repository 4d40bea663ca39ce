"use client";

import { useActionState } from "react";
import { changeOwnPasswordAction, type ChangePasswordState } from "@/app/(admin)/admin/account/actions";
import { Field, inputClass } from "@/components/admin/field";

export function ChangeOwnPasswordForm() {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changeOwnPasswordAction, {});
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field id="current-password" label="Current password" errors={errors.currentPassword}>
        <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" className={inputClass}
          aria-invalid={!!errors.currentPassword} aria-describedby={errors.currentPassword ? "current-password-error" : undefined} />
      </Field>
      <Field id="new-password" label="New password" hint="At least 10 characters; a few unrelated words work well." errors={errors.password}>
        <input id="new-password" name="password" type="password" autoComplete="new-password" className={inputClass}
          aria-invalid={!!errors.password} aria-describedby={errors.password ? "new-password-hint new-password-error" : "new-password-hint"} />
      </Field>
      <Field id="new-password-confirm" label="Confirm new password" errors={errors.passwordConfirm}>
        <input id="new-password-confirm" name="passwordConfirm" type="password" autoComplete="new-password" className={inputClass}
          aria-invalid={!!errors.passwordConfirm} aria-describedby={errors.passwordConfirm ? "new-password-confirm-error" : undefined} />
      </Field>
      {state.message ? <p className="text-sm text-red-700" data-testid="form-error">{state.message}</p> : null}
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
