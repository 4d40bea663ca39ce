import { SiteHeader } from "@/components/site/site-header";
import { env } from "@/lib/env";

/** The masthead, the page and the footer: every reader page, the 404 page included. */
export function SiteFrame({ children }: { children: React.ReactNode }) {
  const { SITE_NAME } = env();
  return (
    <>
      <SiteHeader siteName={SITE_NAME} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">{children}</main>
      <footer className="mx-auto max-w-3xl border-t border-slate-200 px-4 py-6 text-sm text-slate-500">
        © {SITE_NAME} · <a className="underline" href="/feed.xml">RSS feed</a>
      </footer>
    </>
  );
}
