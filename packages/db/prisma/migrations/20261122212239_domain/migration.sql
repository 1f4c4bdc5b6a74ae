-- CreateEnum
CREATE TYPE "TimeZone" AS ENUM ('WIB', 'WITA', 'WIT');

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "helpdeskContacts" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "helpdeskHours" TEXT,
ADD COLUMN     "retentionDays" INTEGER NOT NULL DEFAULT 90,
ALTER COLUMN "timeZone" DROP DEFAULT,
-- Keep each office's zone: IANA names become the zone KPU writes deadlines in.
ALTER COLUMN "timeZone" TYPE "TimeZone" USING (
  CASE "timeZone" WHEN 'Asia/Makassar' THEN 'WITA' WHEN 'Asia/Jayapura' THEN 'WIT' ELSE 'WIB' END
)::"TimeZone",
ALTER COLUMN "timeZone" SET DEFAULT 'WIB';

-- CreateTable
CREATE TABLE "KioskDevice" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "pairingCodeHash" TEXT,
    "pairingExpiresAt" TIMESTAMPTZ(3),
    "tokenHash" TEXT,
    "pairedAt" TIMESTAMPTZ(3),
    "lastSeenAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KioskDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentText" (
    "version" TEXT NOT NULL,
    "officeId" UUID,
    "effectiveFrom" DATE NOT NULL,
    "retentionDays" INTEGER NOT NULL,
    "bodyId" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentText_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "Guest" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "institution" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "category" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anonymisedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Guest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "guestId" UUID NOT NULL,
    "deviceId" UUID,
    "topic" TEXT NOT NULL,
    "purpose" TEXT,
    "priority" TEXT,
    "consentVersion" TEXT NOT NULL,
    "serviceDay" DATE NOT NULL,
    "queueLane" TEXT NOT NULL,
    "queueSequence" INTEGER NOT NULL,
    "queueNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'menunggu',
    "checkedInAt" TIMESTAMPTZ(3) NOT NULL,
    "calledAt" TIMESTAMPTZ(3),
    "servedAt" TIMESTAMPTZ(3),
    "checkedOutAt" TIMESTAMPTZ(3),
    "servedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueCounter" (
    "officeId" UUID NOT NULL,
    "serviceDay" DATE NOT NULL,
    "lane" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "QueueCounter_pkey" PRIMARY KEY ("officeId","serviceDay","lane")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "askerName" TEXT NOT NULL,
    "askerInstitution" TEXT,
    "askerContact" TEXT,
    "stakeholderCategory" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "participants" JSONB NOT NULL DEFAULT '[]',
    "minutes" TEXT,
    "answer" TEXT,
    "legalBasis" TEXT,
    "status" TEXT NOT NULL DEFAULT 'baru',
    "staffId" UUID,
    "answeredById" UUID,
    "referredToOfficeId" UUID,
    "referralNote" TEXT,
    "visitId" UUID,
    "candidatePairId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "firstResponseAt" TIMESTAMPTZ(3),
    "answeredAt" TIMESTAMPTZ(3),
    "referredAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "search" tsvector,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationCounter" (
    "officeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ConsultationCounter_pkey" PRIMARY KEY ("officeId","year")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "consultationId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Election" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "calendar" JSONB NOT NULL,
    "catalogVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Election_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidatePair" (
    "id" UUID NOT NULL,
    "electionId" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "ballotNumber" INTEGER,
    "pathway" TEXT NOT NULL,
    "parties" TEXT[],
    "loName" TEXT NOT NULL,
    "loPhone" TEXT NOT NULL,
    "loEmail" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandidatePair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequirementCheck" (
    "id" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "requirementCode" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'belum_diserahkan',
    "reason" TEXT,
    "evidence" TEXT,
    "researcherId" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RequirementCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckEvent" (
    "id" BIGSERIAL NOT NULL,
    "checkId" UUID NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "reason" TEXT,
    "evidence" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "byUserId" UUID NOT NULL,

    CONSTRAINT "CheckEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handover" (
    "id" UUID NOT NULL,
    "pairId" UUID NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "attendees" JSONB NOT NULL,
    "documentRef" TEXT,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KioskDevice_pairingCodeHash_key" ON "KioskDevice"("pairingCodeHash");

-- CreateIndex
CREATE UNIQUE INDEX "KioskDevice_tokenHash_key" ON "KioskDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "KioskDevice_officeId_idx" ON "KioskDevice"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "Guest_officeId_phone_key" ON "Guest"("officeId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "Visit_clientId_key" ON "Visit"("clientId");

-- CreateIndex
CREATE INDEX "Visit_officeId_serviceDay_status_idx" ON "Visit"("officeId", "serviceDay", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Visit_officeId_serviceDay_queueNumber_key" ON "Visit"("officeId", "serviceDay", "queueNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_number_key" ON "Consultation"("number");

-- CreateIndex
CREATE INDEX "Consultation_officeId_occurredAt_idx" ON "Consultation"("officeId", "occurredAt");

-- CreateIndex
CREATE INDEX "Consultation_referredToOfficeId_status_idx" ON "Consultation"("referredToOfficeId", "status");

-- CreateIndex
CREATE INDEX "Consultation_candidatePairId_idx" ON "Consultation"("candidatePairId");

-- CreateIndex
CREATE INDEX "Consultation_search_idx" ON "Consultation" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "Election_officeId_kind_year_key" ON "Election"("officeId", "kind", "year");

-- CreateIndex
CREATE INDEX "CandidatePair_officeId_idx" ON "CandidatePair"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidatePair_electionId_ballotNumber_key" ON "CandidatePair"("electionId", "ballotNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_pairId_role_key" ON "Candidate"("pairId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "RequirementCheck_pairId_requirementCode_subject_key" ON "RequirementCheck"("pairId", "requirementCode", "subject");

-- CreateIndex
CREATE INDEX "CheckEvent_checkId_at_idx" ON "CheckEvent"("checkId", "at");

-- AddForeignKey
ALTER TABLE "KioskDevice" ADD CONSTRAINT "KioskDevice_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Guest" ADD CONSTRAINT "Guest_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "Guest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "KioskDevice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_referredToOfficeId_fkey" FOREIGN KEY ("referredToOfficeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_candidatePairId_fkey" FOREIGN KEY ("candidatePairId") REFERENCES "CandidatePair"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Election" ADD CONSTRAINT "Election_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidatePair" ADD CONSTRAINT "CandidatePair_electionId_fkey" FOREIGN KEY ("electionId") REFERENCES "Election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "CandidatePair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementCheck" ADD CONSTRAINT "RequirementCheck_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "CandidatePair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckEvent" ADD CONSTRAINT "CheckEvent_checkId_fkey" FOREIGN KEY ("checkId") REFERENCES "RequirementCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_pairId_fkey" FOREIGN KEY ("pairId") REFERENCES "CandidatePair"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over a consultation sheet. Prisma cannot declare a generated tsvector column, so a
-- trigger keeps "search" current; its GIN index is declared in the schema. The 'simple' configuration
-- (no stemming) because PostgreSQL ships no Indonesian dictionary everywhere we run.
CREATE FUNCTION consultation_search_update() RETURNS trigger AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('simple', concat_ws(' ', NEW."number", NEW."askerName", NEW."askerInstitution")), 'A') ||
    setweight(to_tsvector('simple', coalesce(NEW."question", '')), 'B') ||
    setweight(to_tsvector('simple', concat_ws(' ', NEW."answer", NEW."minutes", NEW."legalBasis", NEW."referralNote")), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER consultation_search
BEFORE INSERT OR UPDATE ON "Consultation"
FOR EACH ROW EXECUTE FUNCTION consultation_search_update();
