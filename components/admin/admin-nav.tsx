"use client";

import { useEffect, useId, useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavLink = { href: string; label: string; external?: boolean };

const linkClass = "block py-2 text-sm text-slate-700 hover:underline lg:py-0 aria-[current=page]:font-semibold aria-[current=page]:text-slate-950";

/**
 * The newsroom's navigation: a row of links on a wide screen; on a phone a "Menu" disclosure
 * button (aria-expanded) that shows them as a list, closed again by choosing one.
 */
export function AdminNav({ links, account }: { links: NavLink[]; account: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const menuId = useId();
  useEffect(() => setOpen(false), [pathname]);
  const within = (href: string) => (href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`));
  // The most specific link is the current one: on /admin/wire/new, "New from wire", not "Wire desk" too.
  const deepest = links.filter((link) => within(link.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const current = (href: string) => href === deepest;
  return (
    <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-5 gap-y-2 px-4 py-3">
      <Link href="/admin" className="font-serif text-xl font-bold">Dateline</Link>
      <button
        type="button"
        className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-slate-400 lg:hidden"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((was) => !was)}
      >
        Menu
      </button>
      <div id={menuId} className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-slate-200 pt-2 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:justify-between lg:border-0 lg:pt-0`}>
        <nav aria-label="Newsroom">
          <ul className="flex flex-col lg:flex-row lg:items-center lg:gap-5">
            {links.map((link) => (
              <li key={link.href}>
                {link.external ? (
                  <a href={link.href} className={linkClass}>{link.label}</a>
                ) : (
                  <Link href={link.href} className={linkClass} aria-current={current(link.href) ? "page" : undefined}>{link.label}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        {account}
      </div>
    </div>
  );
}
