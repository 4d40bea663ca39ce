import type { Metadata } from "next";
import { StoryList } from "@/components/site/story-list";
import { READER_PAGE_SIZE } from "@/lib/reader/cached";
import { listLiveStories } from "@/lib/reader/list-live-stories";
import { loadOlderPage } from "@/lib/reader/older-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Older stories", robots: { index: false, follow: true } };

export default async function OlderStoriesPage({ params }: { params: Promise<{ cursor: string }> }) {
  const { cursor } = await params;
  const page = await loadOlderPage(() => listLiveStories({ cursor, limit: READER_PAGE_SIZE }));
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">Older stories</h1>
      <StoryList stories={page.stories} nextHref={page.nextCursor ? `/page/${page.nextCursor}` : null} />
    </>
  );
}
