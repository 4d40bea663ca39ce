-- The wire desk (issue 13): ingest providers (WireSource), items waiting on the desk (storyId
-- null, state queued), who saw, took or dismissed them, clusters of the same event, saved filters.


-- CreateEnum
CREATE TYPE "WireDeskState" AS ENUM ('new', 'seen', 'taken', 'dismissed');

-- CreateEnum
CREATE TYPE "WireSourceKind" AS ENUM ('folder', 'http', 'ftp');

-- AlterEnum
ALTER TYPE "WireItemState" ADD VALUE 'queued';

-- AlterEnum
ALTER TYPE "WireChannel" ADD VALUE 'source';

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "wireOwnerSourceId" UUID;

-- AlterTable
ALTER TABLE "WireItem" ADD COLUMN     "clusterId" UUID,
ADD COLUMN     "dateline" TEXT,
ADD COLUMN     "desk" TEXT,
ADD COLUMN     "ruleTags" JSONB,
ADD COLUMN     "deskState" "WireDeskState" NOT NULL DEFAULT 'new',
ADD COLUMN     "dismissedAt" TIMESTAMP(3),
ADD COLUMN     "dismissedById" UUID,
ADD COLUMN     "headline" TEXT,
ADD COLUMN     "lshBands" BIGINT[],
ADD COLUMN     "minhash" INTEGER[],
ADD COLUMN     "seenAt" TIMESTAMP(3),
ADD COLUMN     "seenById" UUID,
ADD COLUMN     "slugline" TEXT,
ADD COLUMN     "sourceId" UUID,
ADD COLUMN     "takenAt" TIMESTAMP(3),
ADD COLUMN     "takenById" UUID,
ADD COLUMN     "wordCount" INTEGER,
ALTER COLUMN "storyId" DROP NOT NULL;

-- What was held before the desk: every item is in a story, brought in by its sender. Each is a
-- cluster of its own, and the queue row's words come from the parse.
UPDATE "WireItem" SET "clusterId" = "id", "deskState" = 'taken', "takenById" = "senderId", "takenAt" = "createdAt",
  "headline" = "parsed"->>'headline', "slugline" = "parsed"->>'slugline',
  "dateline" = NULLIF(concat_ws(', ', "parsed"->>'location', "parsed"->>'country'), ''),
  "wordCount" = array_length(regexp_split_to_array(trim(coalesce(
    (SELECT string_agg(p, ' ') FROM jsonb_array_elements_text(coalesce("parsed"->'paragraphs', '[]'::jsonb)) AS p), '')), '\s+'), 1)
  , "minhash" = '{}', "lshBands" = '{}';
ALTER TABLE "WireItem" ALTER COLUMN "clusterId" SET NOT NULL;

-- CreateTable
CREATE TABLE "WireSource" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "WireSourceKind" NOT NULL,
    "agency" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "credentials" TEXT,
    "intervalSeconds" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "pollState" JSONB,
    "lastPolledAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WireSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WireDeskFilter" (
    "id" UUID NOT NULL,
    "desk" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WireDeskFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WireSource_name_key" ON "WireSource"("name");

-- CreateIndex
CREATE UNIQUE INDEX "WireDeskFilter_desk_name_key" ON "WireDeskFilter"("desk", "name");

-- CreateIndex
CREATE INDEX "WireItem_receivedAt_id_idx" ON "WireItem"("receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "WireItem_clusterId_receivedAt_idx" ON "WireItem"("clusterId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "WireItem_agency_receivedAt_idx" ON "WireItem"("agency", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "WireItem_priority_receivedAt_idx" ON "WireItem"("priority", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "WireItem_sourceId_receivedAt_idx" ON "WireItem"("sourceId", "receivedAt" DESC);

-- CreateIndex. Entries go straight into the index (no pending list): a new item's lookup of its
-- bands then reads the index alone, 0.1 ms, not a pending list of recent entries scanned in full.
CREATE INDEX "WireItem_lshBands_idx" ON "WireItem" USING GIN ("lshBands") WITH (fastupdate = off);

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_wireOwnerSourceId_fkey" FOREIGN KEY ("wireOwnerSourceId") REFERENCES "WireSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "WireSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_seenById_fkey" FOREIGN KEY ("seenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireSource" ADD CONSTRAINT "WireSource_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireDeskFilter" ADD CONSTRAINT "WireDeskFilter_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Every item arriving and every change of where it stands on the desk is announced on
-- dateline_wire, whichever path made it, so open desks show it at once (lib/events/). The payload
-- is small: a desk fetches the row it shows itself. Function bodies write each semicolon as \073
-- (Prisma's pg adapter splits a migration script at every semicolon).
CREATE OR REPLACE FUNCTION "dateline_notify_wire"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND OLD."deskState" = NEW."deskState" AND OLD."storyId" IS NOT DISTINCT FROM NEW."storyId"
    AND OLD."clusterId" = NEW."clusterId" AND OLD."state" = NEW."state" THEN
    RETURN NULL\073
  END IF\073
  PERFORM pg_notify(''dateline_wire'', json_build_object(
    ''id'', NEW."id",
    ''clusterId'', NEW."clusterId",
    ''op'', lower(TG_OP)
  )::text)\073
  RETURN NULL\073
END
';

CREATE TRIGGER "WireItem_notify" AFTER INSERT OR UPDATE ON "WireItem"
  FOR EACH ROW EXECUTE FUNCTION "dateline_notify_wire"();

-- The desk's text search: headline and slug line words, prefix-matched (lib/wire-desk/list-wire-queue.ts).
CREATE INDEX "WireItem_search_idx" ON "WireItem" USING GIN (to_tsvector('simple', coalesce("headline", '') || ' ' || coalesce("slugline", '')));
