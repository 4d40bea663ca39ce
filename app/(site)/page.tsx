import { StoryList } from "@/components/site/story-list";
import { readLatest, READER_PAGE_SIZE } from "@/lib/reader/cached";

export const dynamic = "force-dynamic";


export default async function HomePage() {
  const page = await readLatest(undefined, READER_PAGE_SIZE);
  return (
    <>
      <h1 className="sr-only">Latest stories</h1>
      <StoryList stories={page.stories} nextHref={page.nextCursor ? `/page/${page.nextCursor}` : null} />
    </>
  );
}
