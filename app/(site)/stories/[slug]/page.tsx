import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { readLiveStory } from "@/lib/reader/cached";
import { formatDateline } from "@/lib/stories/format-dateline";
import { absoluteUrl, storyPath, tagPath } from "@/lib/site/urls";
import { feedAlternates, siteFeedPrefix, tagFeedPrefix } from "@/lib/feeds/feed-paths";
import { env } from "@/lib/env";
import { PublishedTime } from "@/components/site/published-time";
import { StoryCorrections } from "@/components/site/story-corrections";
import { JsonLd } from "@/components/site/json-ld";
import { newsArticleJsonLd } from "@/lib/reader/news-article-json-ld";
import { leadWithDateline } from "@/lib/reader/lead-with-dateline";

// Rendered per request; the page cache in front (lib/serving) keeps it until the story changes.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const lookup = await readLiveStory(slug);
  if (!lookup) notFound();
  if ("redirectTo" in lookup) permanentRedirect(storyPath(lookup.redirectTo));
  return lookup.story;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const story = await load((await params).slug);
  const url = absoluteUrl(storyPath(story.slug));
  return {
    title: story.headline,
    description: story.standfirst || undefined,
    alternates: {
      canonical: url,
      types: feedAlternates([
        { prefix: siteFeedPrefix, title: `${env().SITE_NAME}: latest stories` },
        ...story.tags.map((tag) => ({ prefix: tagFeedPrefix(tag.slug), title: `${env().SITE_NAME}: ${tag.name}` })),
      ]),
    },
    authors: story.byline ? [{ name: story.byline }] : undefined,
    openGraph: {
      type: "article",
      url,
      title: story.headline,
      description: story.standfirst || undefined,
      siteName: env().SITE_NAME,
      publishedTime: story.publishedAt,
      modifiedTime: story.updatedAt,
      tags: story.tags.map((tag) => tag.name),
    },
    twitter: { card: "summary", title: story.headline, description: story.standfirst || undefined },
  };
}

export default async function StoryPage({ params }: Props) {
  const story = await load((await params).slug);
  const dateline = formatDateline(story.dateline, story.agency);
  return (
    <article className="mx-auto max-w-prose">
      <JsonLd data={newsArticleJsonLd(story)} />
      <header>
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">{story.headline}</h1>
        {story.standfirst ? <p className="mt-3 text-lg leading-relaxed text-slate-700 sm:text-xl">{story.standfirst}</p> : null}
        <p className="mt-4 text-sm text-slate-600">
          {story.byline ? <span className="font-medium text-slate-800">By {story.byline}</span> : story.agency ? <span className="font-medium text-slate-800">{story.agency}</span> : null}
          {story.byline || story.agency ? <span aria-hidden="true"> · </span> : null}
          <PublishedTime iso={story.publishedAt} />
        </p>
      </header>
      <div className="prose prose-slate mt-6 max-w-none prose-a:text-sky-800 sm:prose-lg [&_.dateline]:font-semibold [&_.dateline]:text-slate-900">
        {/* The body was sanitised when it was saved (lib/stories/schemas.ts); the dateline is escaped. */}
        <div dangerouslySetInnerHTML={{ __html: leadWithDateline(story.body, dateline) }} />
      </div>
      {story.credits ? <p className="mt-6 text-sm italic text-slate-600">{story.credits}</p> : null}
      <StoryCorrections corrections={story.corrections} />
      {story.tags.length ? (
        <footer className="mt-8 border-t border-slate-200 pt-4">
          <h2 className="sr-only">Tags</h2>
          <ul className="flex flex-wrap gap-2" aria-label="Tags">
            {story.tags.map((tag) => (
              <li key={tag.slug}>
                <Link href={tagPath(tag.slug)} rel="tag" className="inline-block rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800 hover:bg-slate-200">
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        </footer>
      ) : null}
    </article>
  );
}
