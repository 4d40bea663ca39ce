-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('correction', 'update');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "draftBaseVersion" INTEGER,
ADD COLUMN     "draftById" UUID,
ADD COLUMN     "draftChanges" JSONB,
ADD COLUMN     "draftSavedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TagRedirect" (
    "slug" TEXT NOT NULL,
    "tagId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TagRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "StoryCorrection" (
    "id" UUID NOT NULL,
    "storyId" UUID NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "note" TEXT NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryPresence" (
    "storyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryPresence_pkey" PRIMARY KEY ("storyId","userId")
);

-- CreateIndex
CREATE INDEX "TagRedirect_tagId_idx" ON "TagRedirect"("tagId");

-- CreateIndex
CREATE INDEX "StoryCorrection_storyId_createdAt_idx" ON "StoryCorrection"("storyId", "createdAt");

-- CreateIndex
CREATE INDEX "StoryPresence_storyId_seenAt_idx" ON "StoryPresence"("storyId", "seenAt");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_draftById_fkey" FOREIGN KEY ("draftById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TagRedirect" ADD CONSTRAINT "TagRedirect_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryCorrection" ADD CONSTRAINT "StoryCorrection_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryCorrection" ADD CONSTRAINT "StoryCorrection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryPresence" ADD CONSTRAINT "StoryPresence_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryPresence" ADD CONSTRAINT "StoryPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

