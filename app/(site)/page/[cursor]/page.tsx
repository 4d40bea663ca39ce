import type { Metadata } from "next";
import { StoryList } from "@/components/site/story-list";
import { paginationMetadata, readOlderLatestPage } from "@/lib/reader/older-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ cursor: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await readOlderLatestPage((await params).cursor);
  return { title: "Older stories", robots: { index: false, follow: true }, pagination: paginationMetadata(page.links) };
}

export default async function OlderStoriesPage({ params }: Props) {
  const page = await readOlderLatestPage((await params).cursor);
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">Older stories</h1>
      <StoryList stories={page.stories} prevHref={page.links.prev} nextHref={page.links.next} />
    </>
  );
}
