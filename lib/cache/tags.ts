// Cache tags for reader pages and feeds. A change revalidates only what shows the story:
// its page, its tags' pages and feeds, and the lists (home, site feeds, sitemaps).
export const cacheTags = {
  lists: "stories:live",
  story: (slug: string) => `story:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
};
