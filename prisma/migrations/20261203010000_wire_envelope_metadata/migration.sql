-- CreateEnum
CREATE TYPE "WirePriority" AS ENUM ('flash', 'bulletin', 'urgent', 'routine');

-- CreateEnum
CREATE TYPE "WireTakeKind" AS ENUM ('add', 'lead', 'writethru', 'correction', 'kill');

-- AlterTable
ALTER TABLE "WireItem" ADD COLUMN     "agency" TEXT,
ADD COLUMN     "category" TEXT,
ADD COLUMN     "priority" "WirePriority",
ADD COLUMN     "slugKey" TEXT,
ADD COLUMN     "takeKind" "WireTakeKind";

-- CreateIndex
CREATE INDEX "WireItem_slugKey_receivedAt_idx" ON "WireItem"("slugKey", "receivedAt" DESC);

