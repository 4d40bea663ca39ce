import Link from "next/link";

// The home page is made by the front as plain HTML (lib/serving), not by Next: links to it are
// plain <a>, so Next's client router never asks it for a React payload. Search is Next's.
export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="border-b border-slate-200">
      <div className="mx-auto flex max-w-3xl items-baseline justify-between gap-4 px-4 py-4">
        <a href="/" className="font-serif text-2xl font-bold tracking-tight text-slate-900">
          {siteName}
        </a>
        <nav aria-label="Site" className="flex gap-4 text-sm text-slate-600">
          <a href="/" className="hover:text-slate-900 hover:underline">Latest</a>
          <Link href="/search" className="hover:text-slate-900 hover:underline">Search</Link>
          <a href="/feed.xml" className="hover:text-slate-900 hover:underline">RSS</a>
        </nav>
      </div>
    </header>
  );
}
