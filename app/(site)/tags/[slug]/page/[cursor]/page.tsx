import type { Metadata } from "next";
import { TagStories } from "@/components/site/tag-stories";
import { READER_PAGE_SIZE } from "@/lib/reader/cached";
import { getTagPage } from "@/lib/reader/get-tag-page";
import { loadOlderPage } from "@/lib/reader/older-page";
import { tagMetadata } from "@/lib/reader/tag-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await tagMetadata((await params).slug)), robots: { index: false, follow: true } };
}

export default async function OlderTagPage({ params }: Props) {
  const { slug, cursor } = await params;
  return <TagStories page={await loadOlderPage(() => getTagPage({ slug, cursor, limit: READER_PAGE_SIZE }))} />;
}
