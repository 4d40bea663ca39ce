-- The library's search reads punctuation as a space: "embassy" finds "moscow-embassy_gate.jpg"
-- (PostgreSQL's parser took the whole file name for one word). The expression lib/media/list-media.ts uses.
DROP INDEX IF EXISTS "MediaItem_search_idx";
CREATE INDEX "MediaItem_search_idx" ON "MediaItem" USING GIN (to_tsvector('simple', regexp_replace("caption" || ' ' || "credit" || ' ' || "filename", '[[:punct:]]+', ' ', 'g')));
