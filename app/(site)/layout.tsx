import type { Metadata } from "next";
import { SiteFrame } from "@/components/site/site-frame";
import { env } from "@/lib/env";
import { feedAlternates, siteFeedPrefix } from "@/lib/feeds/feed-paths";

export function generateMetadata(): Metadata {
  return { alternates: { types: feedAlternates([{ prefix: siteFeedPrefix, title: `${env().SITE_NAME}: latest stories` }]) } };
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
