import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { signOutAction } from "@/app/(admin)/admin/actions";
import { can } from "@/lib/auth/permissions";
import { AdminNav, type NavLink } from "@/components/admin/admin-nav";

export const metadata: Metadata = { title: { default: "Newsroom", template: "%s · Newsroom" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireAdminActor();
  const links: NavLink[] = [
    { href: "/admin", label: "Stories" },
    { href: "/admin/stories/new", label: "New story" },
    ...(can(actor, "wire.read") ? [{ href: "/admin/wire", label: "Wire desk" }] : []),
    { href: "/admin/wire/new", label: "New from wire" },
    ...(can(actor, "media.read") ? [{ href: "/admin/media", label: "Media" }] : []),
    { href: "/admin/tags", label: "Tags" },
    ...(can(actor, "user.manage") ? [{ href: "/admin/users", label: "Users" }] : []),
    ...(can(actor, "audit.read") ? [{ href: "/admin/audit", label: "Audit log" }] : []),
    ...(can(actor, "webhook.manage") ? [{ href: "/admin/webhooks", label: "Webhooks" }] : []),
    { href: "/", label: "View site", external: true },
  ];
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <AdminNav
          links={links}
          account={
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <Link href="/admin/account" data-testid="current-user" className="hover:underline">
                {actor.name} <span className="rounded bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-600">{actor.role}</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-slate-400">
                  Sign out
                </button>
              </form>
            </div>
          }
        />
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
