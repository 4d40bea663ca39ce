import { env } from "@/lib/env";
import { absoluteUrl, storyPath } from "@/lib/site/urls";
import { modifiedAt, type ReaderStory } from "@/lib/reader/reader-story";
import { largestJpeg } from "@/lib/media/reader-picture";

/** schema.org NewsArticle for one story. */
export function newsArticleJsonLd(story: ReaderStory) {
  const url = absoluteUrl(storyPath(story.slug));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.headline.slice(0, 110),
    description: story.standfirst || undefined,
    // First publication, and the last meaningful update (a silent fix is no modification to report).
    datePublished: story.publishedAt,
    dateModified: modifiedAt(story),
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    author: story.byline ? [{ "@type": "Person", name: story.byline }] : [{ "@type": "Organization", name: story.agency ?? env().SITE_NAME }],
    publisher: { "@type": "Organization", name: env().SITE_NAME, url: env().SITE_URL },
    ...(story.dateline.location ? { locationCreated: { "@type": "Place", name: [story.dateline.location, story.dateline.country].filter(Boolean).join(", ") } } : {}),
    keywords: story.tags.map((tag) => tag.name).join(", ") || undefined,
    // Google's Article rich results ask for the picture in 16:9, 4:3 and 1:1.
    ...(story.leadImage ? { image: (["16:9", "4:3", "1:1"] as const).flatMap((ratio) => largestJpeg(story.leadImage!, ratio)?.url ?? []) } : {}),
    inLanguage: env().SITE_LANGUAGE,
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped, so no string in it can close the script. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
