-- CreateTable
CREATE TABLE "RejectedTagSuggestion" (
    "storyId" UUID NOT NULL,
    "type" "TagType" NOT NULL,
    "name" TEXT NOT NULL,
    "rejectedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedTagSuggestion_pkey" PRIMARY KEY ("storyId","type","name")
);

-- AddForeignKey
ALTER TABLE "RejectedTagSuggestion" ADD CONSTRAINT "RejectedTagSuggestion_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RejectedTagSuggestion" ADD CONSTRAINT "RejectedTagSuggestion_rejectedById_fkey" FOREIGN KEY ("rejectedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
