-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "leadImageId" UUID;

-- CreateTable
CREATE TABLE "MediaItem" (
    "id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "credit" TEXT NOT NULL DEFAULT '',
    "byline" TEXT NOT NULL DEFAULT '',
    "copyright" TEXT NOT NULL DEFAULT '',
    "alt" TEXT NOT NULL DEFAULT '',
    "takenAt" TIMESTAMP(3),
    "focalX" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "focalY" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "renditions" JSONB NOT NULL,
    "embedded" JSONB NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MediaItem_createdAt_id_idx" ON "MediaItem"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "MediaItem_contentHash_idx" ON "MediaItem"("contentHash");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_leadImageId_fkey" FOREIGN KEY ("leadImageId") REFERENCES "MediaItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaItem" ADD CONSTRAINT "MediaItem_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Written by hand: the library's search (caption, credit and filename, by word prefix).
CREATE INDEX "MediaItem_search_idx" ON "MediaItem" USING GIN (to_tsvector('simple', "caption" || ' ' || "credit" || ' ' || "filename"));

-- Written by hand: the stories leading with a picture (a picture in use cannot be removed).
CREATE INDEX "Story_leadImageId_idx" ON "Story"("leadImageId") WHERE "leadImageId" IS NOT NULL;
