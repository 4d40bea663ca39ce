-- The last meaningful update (a correction or update note, or an editor's "mark as update").
ALTER TABLE "Story" ADD COLUMN "lastUpdatedAt" TIMESTAMP(3);

-- Backfill: the newest note of each story is its last meaningful update.
UPDATE "Story" s SET "lastUpdatedAt" = c.at
FROM (SELECT "storyId", max("createdAt") AS at FROM "StoryCorrection" GROUP BY "storyId") c
WHERE c."storyId" = s.id;

-- firstPublishedAt now means when readers first could see the story. Scheduling used to set it
-- ahead of time: an instant not reached yet is no publication (the scheduler sets it when due).
UPDATE "Story" SET "firstPublishedAt" = NULL
WHERE "firstPublishedAt" > (now() AT TIME ZONE 'UTC') AND status IN ('scheduled', 'unpublished', 'draft', 'in_review');

-- publishedAt now stays at the first publication: stories published again since go back to their first place.
-- A story published at once after it had been scheduled kept the scheduled (later) time as its
-- first publication: readers saw it from publishedAt, so that is its first publication.
UPDATE "Story" SET "firstPublishedAt" = "publishedAt"
WHERE status IN ('published', 'unpublished', 'killed') AND "publishedAt" IS NOT NULL AND "firstPublishedAt" > "publishedAt";
UPDATE "Story" SET "publishedAt" = "firstPublishedAt"
WHERE "firstPublishedAt" IS NOT NULL AND status IN ('published', 'unpublished', 'killed') AND "firstPublishedAt" < "publishedAt";

UPDATE "StoryTag" st SET "livePublishedAt" = s."publishedAt"
FROM "Story" s
WHERE s.id = st."storyId" AND st."livePublishedAt" IS NOT NULL AND st."livePublishedAt" IS DISTINCT FROM s."publishedAt";
