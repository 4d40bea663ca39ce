import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { can } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/users/list-users";
import { CreateApiKeyButton, CreateUserForm, LiftSignInLockButton, RevokeApiKeyButton, SetPasswordForm, UserAccessForm, UserActionMessages } from "@/components/admin/user-forms";
import type { SignInLock } from "@/lib/auth/sign-in-throttle";

export const metadata = { title: "Users and API keys" };

function lockSummary(lock: SignInLock): string {
  const failures = `${lock.failures} failed sign-in${lock.failures === 1 ? "" : "s"} in the last hour`;
  if (!lock.lockedAddresses) return `Sign-in slowed: ${failures}, from several addresses.`;
  return `Sign-in paused from ${lock.lockedAddresses} address${lock.lockedAddresses === 1 ? "" : "es"}: ${failures}.`;
}

export default async function UsersPage() {
  const actor = await requireAdminActor();
  if (!can(actor, "user.manage")) {
    return <p className="rounded border border-slate-200 bg-white p-6 text-slate-700">Only admins manage users and API keys.</p>;
  }
  const users = await listUsers({ actor });
  return (
    <UserActionMessages>
      <h1 className="mb-4 font-serif text-2xl font-bold">Users and API keys</h1>
      <section className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-medium">Add a user</h2>
        <CreateUserForm />
      </section>
      <ul className="space-y-3" data-testid="user-list">
        {users.map((user) => (
          <li key={user.id} className="rounded border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <p className="font-medium">{user.name} <span className="text-slate-500">&lt;{user.email}&gt;</span></p>
                <p className="text-sm text-slate-600">
                  <span className="uppercase tracking-wide">{user.role}</span>
                  {user.active ? "" : " · deactivated"} · since {formatNewsroomTime(user.createdAt)}
                </p>
                <p className="text-sm text-slate-600" data-testid="last-sign-in">
                  Last signed in {user.lastSignInAt ? formatNewsroomTime(user.lastSignInAt) : "never"}
                </p>
              </div>
              <div className="min-w-0 space-y-2">
                {/* No one deactivates or demotes themselves (updateUser refuses it too): another admin does. */}
                {user.id === actor.id ? (
                  <p className="text-sm" data-testid="own-account">
                    This is you: another admin changes your role or access. <a href="/admin/account" className="underline">Change your password</a> on your account page.
                  </p>
                ) : (
                  <UserAccessForm id={user.id} email={user.email} role={user.role} active={user.active} />
                )}
                {user.id === actor.id ? null : user.active ? (
                  <SetPasswordForm id={user.id} email={user.email} />
                ) : null}
                <LiftSignInLockButton id={user.id} summary={user.signInLock ? lockSummary(user.signInLock) : null} />
                {user.active ? <CreateApiKeyButton email={user.email} /> : null}
              </div>
            </div>
            {user.apiKeys.length ? (
              <table className="mt-3 w-full table-fixed break-words text-left text-sm">
                <thead className="text-xs uppercase tracking-wide text-slate-500">
                  <tr><th scope="col">Key</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col"><span className="sr-only">Action</span></th></tr>
                </thead>
                <tbody>
                  {user.apiKeys.map((key) => (
                    <tr key={key.id} className="border-t border-slate-100">
                      <td className="py-1 font-mono">{key.prefix}…</td>
                      <td>{formatNewsroomTime(key.createdAt)}</td>
                      <td>{key.lastUsedAt ? formatNewsroomTime(key.lastUsedAt) : "never"}</td>
                      <td className="text-right">
                        {key.revokedAt ? (
                          <span className="text-slate-500">revoked {formatNewsroomTime(key.revokedAt)}</span>
                        ) : (
                          <RevokeApiKeyButton id={key.id} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ul>
    </UserActionMessages>
  );
}
