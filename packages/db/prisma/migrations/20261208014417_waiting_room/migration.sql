-- AlterTable
ALTER TABLE "KioskDevice" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'kiosk',
ADD COLUMN     "offlinePrefix" TEXT;

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "deskCount" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "slotCapacity" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "slotMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "slotsFrom" TEXT NOT NULL DEFAULT '08:00',
ADD COLUMN     "slotsTo" TEXT NOT NULL DEFAULT '15:30',
ADD COLUMN     "workingDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[];

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "desk" TEXT;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "checkOutKind" TEXT,
ADD COLUMN     "desk" TEXT,
ADD COLUMN     "provisionalNumber" TEXT;

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "purpose" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "guestName" TEXT NOT NULL,
    "guestPhone" TEXT NOT NULL,
    "guestEmail" TEXT,
    "institution" TEXT,
    "category" TEXT NOT NULL,
    "candidatePairId" UUID,
    "status" TEXT NOT NULL DEFAULT 'dipesan',
    "visitId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_code_key" ON "Appointment"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_visitId_key" ON "Appointment"("visitId");

-- CreateIndex
CREATE INDEX "Appointment_officeId_startsAt_idx" ON "Appointment"("officeId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "KioskDevice_officeId_offlinePrefix_key" ON "KioskDevice"("officeId", "offlinePrefix");

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Tablets paired before now get their offline prefix in the order they were added: L1, L2 … per office.
UPDATE "KioskDevice" AS d
SET "offlinePrefix" = 'L' || numbered.n
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "officeId" ORDER BY "createdAt", "id") AS n FROM "KioskDevice"
) AS numbered
WHERE d."id" = numbered."id";

-- Every check-out so far was made at the desk.
UPDATE "Visit" SET "checkOutKind" = 'staff' WHERE "checkedOutAt" IS NOT NULL;
