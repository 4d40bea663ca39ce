import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryList } from "@/components/site/story-list";
import { getCachedLatest, READER_PAGE_SIZE } from "@/lib/reader/cached";
import { isAppError } from "@/lib/errors";

export const revalidate = 3600;
export const generateStaticParams = async () => [];
export const metadata: Metadata = { title: "Older stories", robots: { index: false, follow: true } };

export default async function OlderStoriesPage({ params }: { params: Promise<{ cursor: string }> }) {
  const { cursor } = await params;
  const page = await getCachedLatest(cursor, READER_PAGE_SIZE).catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  if (page.stories.length === 0) notFound();
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">Older stories</h1>
      <StoryList stories={page.stories} nextHref={page.nextCursor ? `/page/${page.nextCursor}` : null} />
    </>
  );
}
