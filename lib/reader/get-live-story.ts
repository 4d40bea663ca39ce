import type { Story } from "@/generated/prisma/client";
import { isLive } from "@/lib/stories/live";
import { toReaderStory, type ReaderStory } from "@/lib/reader/reader-story";

/** What a story's address answers: the story, a move to its current slug, withdrawn for good, or nothing. */
export type LiveStoryLookup = { story: ReaderStory } | { redirectTo: string } | { gone: true } | null;

/** Anything that runs SQL as node-postgres does: a Pool, a Client. */
export type Queryable = { query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }> };

// The story's columns as Prisma types them, except what the query reads its own way.
type Row = Pick<
  Story,
  "id" | "slug" | "headline" | "standfirst" | "metaDescription" | "socialHeadline" | "body" | "byline" | "agency" | "credits" | "datelineLocation" | "datelineCountry" | "status" | "publishedAt" | "scheduledAt" | "embargoUntil" | "lastUpdatedAt" | "updatedAt"
> & {
  datelineDate: string | null;
  tags: ReaderStory["tags"];
  corrections: { id: string; kind: ReaderStory["corrections"][number]["kind"]; note: string; createdAt: string }[];
  leadImage: ReaderStory["leadImage"];
  pictures: ReaderStory["pictures"];
};

// One round trip whatever the slug is: the story that has it now, else the story that had it
// (SlugRedirect), with its tags and corrections. Written by hand, not through Prisma: it is the
// hot path of every article that is not in the page cache, and Prisma's relation query costs
// more to plan and compile (about 7 ms) than this costs to run. Times are read as UTC instants
// (Prisma stores them without a zone) and the date as YYYY-MM-DD text, so no time zone or
// DateStyle setting can move or reshape them.
const ARTICLE_SQL = `
SELECT s.id, s.slug, s.headline, s.standfirst, s."metaDescription", s."socialHeadline", s.body, s.byline, s.agency, s.credits,
       s."datelineLocation", s."datelineCountry", to_char(s."datelineDate", 'YYYY-MM-DD') AS "datelineDate", s.status::text AS status,
       s."publishedAt" AT TIME ZONE 'UTC' AS "publishedAt", s."embargoUntil" AT TIME ZONE 'UTC' AS "embargoUntil",
       s."scheduledAt" AT TIME ZONE 'UTC' AS "scheduledAt", s."lastUpdatedAt" AT TIME ZONE 'UTC' AS "lastUpdatedAt",
       s."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
       COALESCE((SELECT json_agg(json_build_object('name', t.name, 'slug', t.slug, 'type', t.type) ORDER BY st.position)
                 FROM "StoryTag" st JOIN "Tag" t ON t.id = st."tagId" WHERE st."storyId" = s.id), '[]') AS tags,
       COALESCE((SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'note', c.note, 'createdAt', c."createdAt" AT TIME ZONE 'UTC')
                                 ORDER BY c."createdAt", c.id)
                 FROM "StoryCorrection" c WHERE c."storyId" = s.id), '[]') AS corrections,
       (SELECT json_build_object('alt', m.alt, 'caption', m.caption, 'credit', m.credit, 'byline', m.byline, 'width', m.width, 'height', m.height, 'renditions', m.renditions)
          FROM "MediaItem" m WHERE m.id = s."leadImageId") AS "leadImage",
       COALESCE((SELECT json_object_agg(m.id, json_build_object('alt', m.alt, 'caption', m.caption, 'credit', m.credit, 'byline', m.byline, 'width', m.width, 'height', m.height, 'renditions', m.renditions))
          FROM "MediaItem" m WHERE m.id IN (SELECT (regexp_matches(s.body, '<figure data-media="([0-9a-f-]{36})">', 'g'))[1]::uuid)), '{}') AS pictures
FROM "Story" s
WHERE s.slug = $1 OR s.id = (SELECT r."storyId" FROM "SlugRedirect" r WHERE r.slug = $1)
ORDER BY s.slug = $1 DESC
LIMIT 1`;

/**
 * What `/stories/{slug}` shows at `now`: a live story under its current slug; a redirect from a
 * former slug, only to a live story (a redirect to a draft would leak its new slug); `gone` for
 * a killed story under any slug it had; otherwise nothing (404).
 */
export async function getLiveStory(database: Queryable, slug: string, now = new Date()): Promise<LiveStoryLookup> {
  const [row] = (await database.query(ARTICLE_SQL, [slug])).rows as Row[];
  if (!row) return null;
  if (row.status === "killed") return { gone: true };
  if (!isLive(row, now)) return null;
  if (row.slug !== slug) return { redirectTo: row.slug };
  // Into the shape Prisma gives the feeds and lists, so one function makes every ReaderStory.
  const { status: _status, scheduledAt: _scheduledAt, embargoUntil: _embargoUntil, pictures, ...fields } = row;
  return {
    story: toReaderStory(
      {
        ...fields,
        datelineDate: row.datelineDate ? new Date(`${row.datelineDate}T00:00:00Z`) : null,
        tags: row.tags.map((tag) => ({ tag })),
        corrections: row.corrections.map((correction) => ({ ...correction, createdAt: new Date(correction.createdAt) })),
      },
      pictures,
    ),
  };
}
