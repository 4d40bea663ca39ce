import { env } from "@/lib/env";

export const storyPath = (slug: string) => `/stories/${slug}`;
export const tagPath = (slug: string) => `/tags/${slug}`;
/** A page of the latest stories: the home page, or the older page starting after `cursor`. */
export const latestPagePath = (cursor: string | null) => (cursor ? `/page/${cursor}` : "/");
/** A page of a tag's stories: the tag page, or the older page starting after `cursor`. */
export const tagPagePath = (slug: string, cursor: string | null) => (cursor ? `/tags/${slug}/page/${cursor}` : `/tags/${slug}`);
export const tagFeedPath = (slug: string) => `/tags/${slug}/feed.xml`;
export const absoluteUrl = (path: string) => `${env().SITE_URL}${path}`;
