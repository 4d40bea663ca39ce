-- Search and social fields of a story: empty means the standfirst and the headline stand in.
ALTER TABLE "Story" ADD COLUMN "metaDescription" TEXT NOT NULL DEFAULT '',
ADD COLUMN "socialHeadline" TEXT NOT NULL DEFAULT '';
