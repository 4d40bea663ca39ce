-- Who sent each piece of agency copy, and who owns an agency item's versions (issue 10, finding 7:
-- a writer could post a live agency story's uri with version 2147483647 and freeze it).
-- Written with `prisma migrate diff` (see prisma/schema.prisma), then the backfill and checks below.
-- (No semicolon in a comment here: the schema engine splits the script at every one.)

-- CreateEnum
CREATE TYPE "WireChannel" AS ENUM ('api', 'newsroom', 'cli');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "wireOwnerApiKeyId" UUID,
ADD COLUMN     "wireOwnerChannel" "WireChannel",
ADD COLUMN     "wireOwnerId" UUID;

-- AlterTable
ALTER TABLE "WireItem" ADD COLUMN     "apiKeyId" UUID,
ADD COLUMN     "channel" "WireChannel",
ADD COLUMN     "senderId" UUID;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_wireOwnerId_fkey" FOREIGN KEY ("wireOwnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_wireOwnerApiKeyId_fkey" FOREIGN KEY ("wireOwnerApiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill. A story made from agency copy was made by whoever delivered its first item: that user
-- owns the item's versions. The path was not recorded, except for the Wire desk (only the command
-- line acts as it), and a null channel lets the owner's next delivery, by whichever path, pin it.
UPDATE "Story" s
SET "wireOwnerId" = s."createdById",
    "wireOwnerChannel" = CASE WHEN u."email" = 'wire-desk@dateline.invalid' THEN 'cli'::"WireChannel" END
FROM "User" u
WHERE u."id" = s."createdById" AND s."wireGuid" IS NOT NULL;

-- The item each story was made from was sent by the story's creator. Who sent later items was not
-- recorded, and need not have been the owner (the fault closed here): they stay unattributed,
-- and the editor says so rather than guess.
UPDATE "WireItem" w
SET "senderId" = s."createdById",
    "channel" = CASE WHEN u."email" = 'wire-desk@dateline.invalid' THEN 'cli'::"WireChannel" END
FROM (SELECT DISTINCT ON ("storyId") "id", "storyId" FROM "WireItem" ORDER BY "storyId", "createdAt", "receivedAt", "id") AS first_item
JOIN "Story" s ON s."id" = first_item."storyId"
JOIN "User" u ON u."id" = s."createdById"
WHERE w."id" = first_item."id";

-- No agency numbers its versions past a million: such a version was a probe. The copy is kept,
-- but it holds no version and waits for no editor, and the story's newest version is what is left.
UPDATE "WireItem"
SET "version" = NULL,
    "state" = CASE WHEN "state" = 'pending' THEN 'superseded'::"WireItemState" ELSE "state" END
WHERE "version" > 1000000 OR "version" < 0;

UPDATE "Story" s
SET "wireVersion" = (SELECT max(w."version") FROM "WireItem" w WHERE w."storyId" = s."id")
WHERE s."wireVersion" > 1000000 OR s."wireVersion" < 0;

-- And none can be stored again, whatever path it takes.
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_version_range" CHECK ("version" BETWEEN 0 AND 1000000);
ALTER TABLE "Story" ADD CONSTRAINT "Story_wireVersion_range" CHECK ("wireVersion" BETWEEN 0 AND 1000000);
