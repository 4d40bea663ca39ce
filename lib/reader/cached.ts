import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache/tags";
import { getLiveStory } from "@/lib/reader/get-live-story";
import { listLiveStories } from "@/lib/reader/list-live-stories";
import { getTagPage } from "@/lib/reader/get-tag-page";

// Reader data goes through Next's data cache, tagged so that publishing revalidates exactly the
// pages that show the story (lib/cache/revalidate-story.ts). React's cache() dedupes the call that
// generateMetadata and the page both make within one render.
// The hour-long revalidate is only a backstop for a scheduled story coming due (see README).
const BACKSTOP_SECONDS = 3600;
export const READER_PAGE_SIZE = 20;

export const getCachedLiveStory = cache((slug: string) =>
  unstable_cache(() => getLiveStory(slug), ["live-story", slug], {
    tags: [cacheTags.story(slug)],
    revalidate: BACKSTOP_SECONDS,
  })(),
);

export const getCachedLatest = cache((cursor: string | undefined, limit: number) =>
  unstable_cache(() => listLiveStories({ cursor, limit }), ["latest", cursor ?? "", String(limit)], {
    tags: [cacheTags.lists],
    revalidate: BACKSTOP_SECONDS,
  })(),
);

export const getCachedTagPage = cache((slug: string, cursor: string | undefined, limit: number) =>
  unstable_cache(() => getTagPage({ slug, cursor, limit }), ["tag-page", slug, cursor ?? "", String(limit)], {
    tags: [cacheTags.tag(slug)],
    revalidate: BACKSTOP_SECONDS,
  })(),
);
