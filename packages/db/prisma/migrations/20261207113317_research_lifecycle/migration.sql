-- DropIndex
DROP INDEX "Candidate_pairId_role_key";

-- DropIndex
DROP INDEX "RequirementCheck_pairId_requirementCode_subject_key";

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "generation" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "replacedAt" TIMESTAMPTZ(3),
ADD COLUMN     "replacementCause" TEXT,
ADD COLUMN     "replacementReason" TEXT;

-- AlterTable
ALTER TABLE "CandidatePair" ADD COLUMN     "coalitionSeats" INTEGER,
ADD COLUMN     "coalitionVotes" INTEGER,
ADD COLUMN     "contacts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "registeredAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'bakal_pasangan_calon';

-- AlterTable
ALTER TABLE "CheckEvent" ADD COLUMN     "channel" TEXT,
ADD COLUMN     "correctionCause" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'penelitian',
ADD COLUMN     "receivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "rulingDate" DATE,
ADD COLUMN     "rulingNumber" TEXT,
ADD COLUMN     "submissionId" UUID,
ALTER COLUMN "byUserId" DROP NOT NULL;

-- Earlier steps get the kind their move has: hand-ins keep their typing time as the hand-in time.
UPDATE "CheckEvent" SET "kind" = 'penyerahan', "receivedAt" = "at"
  WHERE "to" IN ('diserahkan', 'diserahkan_perbaikan');
UPDATE "CheckEvent" SET "kind" = 'penelitian_perbaikan' WHERE "from" = 'diserahkan_perbaikan';
ALTER TABLE "CheckEvent" ALTER COLUMN "kind" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Election" ADD COLUMN     "dprdSeats" INTEGER,
ADD COLUMN     "validVotes" INTEGER,
ADD COLUMN     "voterCount" INTEGER;

-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "content" JSONB,
ADD COLUMN     "number" TEXT,
ADD COLUMN     "signedAt" TIMESTAMPTZ(3),
ADD COLUMN     "signedById" UUID;

-- AlterTable
ALTER TABLE "RequirementCheck" ADD COLUMN     "generation" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "supersededAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "PairEvent" (
    "id" BIGSERIAL NOT NULL,
    "pairId" UUID NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "reason" TEXT,
    "decreeNumber" TEXT,
    "correctionCause" TEXT,
    "rulingNumber" TEXT,
    "rulingDate" DATE,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "byUserId" UUID,

    CONSTRAINT "PairEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "receivedById" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "officeId" UUID NOT NULL,
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("officeId","series","year")
);

-- CreateIndex
CREATE INDEX "PairEvent_pairId_at_idx" ON "PairEvent"("pairId", "at");

-- CreateIndex
CREATE INDEX "Submission_pairId_idx" ON "Submission"("pairId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_officeId_number_key" ON "Submission"("officeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_pairId_role_generation_key" ON "Candidate"("pairId", "role", "generation");

-- CreateIndex
CREATE UNIQUE INDEX "RequirementCheck_pairId_requirementCode_subject_generation_key" ON "RequirementCheck"("pairId", "requirementCode", "subject", "generation");

-- AddForeignKey
ALTER TABLE "PairEvent" ADD CONSTRAINT "PairEvent_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "CandidatePair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "CandidatePair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Pairs registered so far whose nomination documents (P…, I…) are all MS had their registration accepted;
-- the others are still being checked.
UPDATE "CandidatePair" p SET "status" = 'pendaftaran_diterima'
  WHERE EXISTS (SELECT 1 FROM "RequirementCheck" r WHERE r."pairId" = p."id" AND r."requirementCode" ~ '^[PI]')
    AND NOT EXISTS (
      SELECT 1 FROM "RequirementCheck" r
      WHERE r."pairId" = p."id" AND r."requirementCode" ~ '^[PI]' AND r."status" <> 'MS'
    );

-- A berita acara and a tanda terima never change once issued; only the sign-off and, for erasure, the
-- handover's attendee list may change around them.
CREATE FUNCTION issued_document_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD."content" IS NOT NULL AND (NEW."content" IS DISTINCT FROM OLD."content" OR NEW."number" IS DISTINCT FROM OLD."number") THEN
    RAISE EXCEPTION 'an issued document never changes' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER handover_document_frozen BEFORE UPDATE ON "Handover"
  FOR EACH ROW EXECUTE FUNCTION issued_document_frozen();
CREATE TRIGGER submission_document_frozen BEFORE UPDATE ON "Submission"
  FOR EACH ROW EXECUTE FUNCTION issued_document_frozen();
