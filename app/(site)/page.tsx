import type { Metadata } from "next";
import { StoryList } from "@/components/site/story-list";
import { readLatest, READER_PAGE_SIZE } from "@/lib/reader/cached";
import { paginationMetadata } from "@/lib/reader/older-page";
import { latestPagePath } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const page = await readLatest(undefined, READER_PAGE_SIZE);
  return { pagination: paginationMetadata({ prev: null, next: page.nextCursor ? latestPagePath(page.nextCursor) : null }) };
}

export default async function HomePage() {
  const page = await readLatest(undefined, READER_PAGE_SIZE);
  return (
    <>
      <h1 className="sr-only">Latest stories</h1>
      <StoryList stories={page.stories} nextHref={page.nextCursor ? latestPagePath(page.nextCursor) : null} />
    </>
  );
}
