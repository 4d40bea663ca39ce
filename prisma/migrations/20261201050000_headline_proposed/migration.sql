-- A headline proposed from agency copy that had none, until someone changes it.
ALTER TABLE "Story" ADD COLUMN "headlineProposed" BOOLEAN NOT NULL DEFAULT false;
