import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { ChangeOwnPasswordForm } from "@/components/admin/account-form";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireAdminActor();
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">Your account</h1>
      <p className="mb-4 text-sm text-slate-700">
        Signed in as {actor.name} &lt;{actor.email}&gt; ({actor.role}). Sessions last 8 hours from sign-in.
      </p>
      <section className="max-w-md rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-1 font-medium">Change your password</h2>
        <p className="mb-3 text-sm text-slate-600">You will be signed out everywhere, here included, and sign in again with the new password.</p>
        <ChangeOwnPasswordForm />
      </section>
    </>
  );
}
