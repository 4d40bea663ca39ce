import type { Metadata } from "next";
import { SiteHeader } from "@/components/site/site-header";
import { env } from "@/lib/env";
import { feedAlternates, siteFeedPrefix } from "@/lib/feeds/feed-paths";

export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternates([{ prefix: siteFeedPrefix, title: `${env().SITE_NAME}: latest stories` }]) } };
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader siteName={env().SITE_NAME} />
      <main className="mx-auto max-w-3xl px-4 py-6 sm:py-10">{children}</main>
      <footer className="mx-auto max-w-3xl border-t border-slate-200 px-4 py-6 text-sm text-slate-500">
        © {env().SITE_NAME} · <a className="underline" href="/feed.xml">RSS feed</a>
      </footer>
    </>
  );
}
