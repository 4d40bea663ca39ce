-- CreateEnum
CREATE TYPE "WireItemState" AS ENUM ('applied', 'pending', 'superseded', 'withdrawn');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "wireGuid" TEXT,
ADD COLUMN     "wireVersion" INTEGER;

-- CreateTable
CREATE TABLE "WireItem" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "guid" TEXT,
    "version" INTEGER,
    "state" "WireItemState" NOT NULL DEFAULT 'applied',
    "raw" TEXT NOT NULL,
    "parsed" JSONB NOT NULL,
    "suggestions" JSONB,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WireItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WireItem_contentHash_key" ON "WireItem"("contentHash");

-- CreateIndex
CREATE INDEX "WireItem_storyId_receivedAt_idx" ON "WireItem"("storyId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "WireItem_storyId_state_idx" ON "WireItem"("storyId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "WireItem_guid_version_key" ON "WireItem"("guid", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Story_wireGuid_key" ON "Story"("wireGuid");

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Prefix searches for free slugs ("x", "x-2", … LIKE 'x%') and exact case-insensitive tag names,
-- index-backed at a million stories (the unique indexes use the default collation, which LIKE cannot).
CREATE INDEX "Story_slug_prefix_idx" ON "Story" ("slug" text_pattern_ops);
CREATE INDEX "SlugRedirect_slug_prefix_idx" ON "SlugRedirect" ("slug" text_pattern_ops);
CREATE INDEX "Tag_slug_prefix_idx" ON "Tag" ("slug" text_pattern_ops);
CREATE INDEX "Tag_lower_name_idx" ON "Tag" (lower("name"));
