import type { Metadata } from "next";
import { TagStories } from "@/components/site/tag-stories";
import { READER_PAGE_SIZE } from "@/lib/reader/cached";
import { getTagPage } from "@/lib/reader/get-tag-page";
import { loadOlderPage } from "@/lib/reader/older-page";
import { tagMetadata } from "@/lib/reader/tag-metadata";
import { redirectFromFormerTagSlug } from "@/lib/reader/tag-redirect";
import { tagPath } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await tagMetadata((await params).slug)), robots: { index: false, follow: true } };
}

export default async function OlderTagPage({ params }: Props) {
  const { slug, cursor } = await params;
  const page = await loadOlderPage(async () => {
    const found = await getTagPage({ slug, cursor, limit: READER_PAGE_SIZE });
    if (!found) await redirectFromFormerTagSlug(slug, (current) => `${tagPath(current)}/page/${encodeURIComponent(cursor)}`);
    return found;
  });
  return <TagStories page={page} />;
}
