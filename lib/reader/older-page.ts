import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * Loads an older page (a cursor in the URL). Such pages are rendered per request, not cached:
 * any well-formed cursor is a valid URL, and caching each would let crawlers fill the cache.
 * A malformed cursor or an empty page is a 404.
 */
export async function loadOlderPage<T extends { stories: unknown[] }>(load: () => Promise<T | null>): Promise<T> {
  const page = await load().catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  if (!page || page.stories.length === 0) notFound();
  return page;
}
