import { env } from "@/lib/env";

export const storyPath = (slug: string) => `/stories/${slug}`;
export const tagPath = (slug: string) => `/tags/${slug}`;
export const tagFeedPath = (slug: string) => `/tags/${slug}/feed.xml`;
export const absoluteUrl = (path: string) => `${env().SITE_URL}${path}`;
