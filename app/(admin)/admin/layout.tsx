import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { signOutAction } from "@/app/(admin)/admin/actions";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: { default: "Newsroom", template: "%s · Newsroom" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAdminActor();
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label="Newsroom" className="flex items-center gap-5">
            <Link href="/admin" className="font-serif text-xl font-bold">Dateline</Link>
            <Link href="/admin" className="text-sm text-slate-700 hover:underline">Stories</Link>
            <Link href="/admin/stories/new" className="text-sm text-slate-700 hover:underline">New story</Link>
            <Link href="/admin/wire/new" className="text-sm text-slate-700 hover:underline">New from wire</Link>
            <Link href="/admin/tags" className="text-sm text-slate-700 hover:underline">Tags</Link>
            {can(actor, "user.manage") ? <Link href="/admin/users" className="text-sm text-slate-700 hover:underline">Users</Link> : null}
            {can(actor, "audit.read") ? <Link href="/admin/audit" className="text-sm text-slate-700 hover:underline">Audit log</Link> : null}
            <a href="/" className="text-sm text-slate-700 hover:underline">View site</a>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/admin/account" data-testid="current-user" className="hover:underline">
              {actor.name} <span className="rounded bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-600">{actor.role}</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-slate-400">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
