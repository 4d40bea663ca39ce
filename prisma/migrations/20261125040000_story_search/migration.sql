-- Full-text search over published stories (/search): headline weighs most, then standfirst, then
-- body. The body is sanitised HTML: the text search parser reads its tags as tags and indexes only words.
-- Kept out of schema.prisma (Prisma has no type for it), read by lib/reader/search-stories.ts.
ALTER TABLE "Story" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "headline"), 'A') ||
  setweight(to_tsvector('english', "standfirst"), 'B') ||
  setweight(to_tsvector('english', "body"), 'C')
) STORED;

CREATE INDEX "Story_searchVector_idx" ON "Story" USING GIN ("searchVector");
