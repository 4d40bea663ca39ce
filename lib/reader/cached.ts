import "server-only";
import { cache } from "react";
import { listLiveStories } from "@/lib/reader/list-live-stories";
import { getTagPage } from "@/lib/reader/get-tag-page";
import { newerLiveStoriesCursor, newerTagPageCursor } from "@/lib/reader/newer-page-cursor";

// Reader pages render from the database on every request that reaches Next: whole responses are
// cached in front of it by the page cache (lib/serving), which every instance empties of exactly
// the pages a change touches, the moment it is committed. React's cache() here only dedupes the
// call that generateMetadata and the page both make within one render.
export const READER_PAGE_SIZE = 20;

export const readLatest = cache((cursor: string | undefined, limit: number) => listLiveStories({ cursor, limit }));

export const readTagPage = cache((slug: string, cursor: string | undefined, limit: number) => getTagPage({ slug, cursor, limit }));

export const readNewerLatestCursor = cache((cursor: string, limit: number) => newerLiveStoriesCursor({ cursor, limit }));

export const readNewerTagCursor = cache((slug: string, cursor: string, limit: number) => newerTagPageCursor({ slug, cursor, limit }));
