// Every page it links to is made by the front as plain HTML (lib/serving), so plain links: Next's
// client router never asks them for a React payload.
export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="border-b border-slate-200">
      <div className="mx-auto flex max-w-3xl items-baseline justify-between gap-4 px-4 py-4">
        <a href="/" className="font-serif text-2xl font-bold tracking-tight text-slate-900">
          {siteName}
        </a>
        <nav aria-label="Site" className="flex gap-4 text-sm text-slate-600">
          <a href="/" className="hover:text-slate-900 hover:underline">Latest</a>
          <a href="/search" className="hover:text-slate-900 hover:underline">Search</a>
          <a href="/feed.xml" className="hover:text-slate-900 hover:underline">RSS</a>
        </nav>
      </div>
    </header>
  );
}
