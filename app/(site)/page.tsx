import { StoryList } from "@/components/site/story-list";
import { getCachedLatest, READER_PAGE_SIZE } from "@/lib/reader/cached";

export const revalidate = 3600;


export default async function HomePage() {
  const page = await getCachedLatest(undefined, READER_PAGE_SIZE);
  return (
    <>
      <h1 className="sr-only">Latest stories</h1>
      <StoryList stories={page.stories} nextHref={page.nextCursor ? `/page/${page.nextCursor}` : null} />
    </>
  );
}
