import type { Metadata } from "next";
import { StoryPagination } from "@/components/site/story-list";
import { TagStories } from "@/components/site/tag-stories";
import { paginationMetadata, readOlderTagPage } from "@/lib/reader/older-page";
import { tagMetadata } from "@/lib/reader/tag-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; cursor: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, cursor } = await params;
  const [metadata, page] = await Promise.all([tagMetadata(slug), readOlderTagPage(slug, cursor)]);
  return { ...metadata, robots: { index: false, follow: true }, pagination: paginationMetadata(page.links) };
}

export default async function OlderTagPage({ params }: Props) {
  const { slug, cursor } = await params;
  const page = await readOlderTagPage(slug, cursor);
  // TagStories links only to the older page; both links go in one navigation below it.
  return (
    <>
      <TagStories page={{ ...page, nextCursor: null }} />
      <StoryPagination prevHref={page.links.prev} nextHref={page.links.next} />
    </>
  );
}
