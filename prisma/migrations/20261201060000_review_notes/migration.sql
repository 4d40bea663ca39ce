-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewNoteAt" TIMESTAMP(3),
ADD COLUMN     "reviewNoteById" UUID;
-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_reviewNoteById_fkey" FOREIGN KEY ("reviewNoteById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
