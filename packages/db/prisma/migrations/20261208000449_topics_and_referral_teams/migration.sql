-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "referralTeam" TEXT,
ADD COLUMN     "subTopic" TEXT;

-- CreateTable
CREATE TABLE "Topic" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "officeId" UUID,
    "parentCode" TEXT,
    "labelId" TEXT NOT NULL,
    "labelEn" TEXT,
    "referralTeam" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Topic_code_key" ON "Topic"("code");

-- CreateIndex
CREATE INDEX "Topic_officeId_idx" ON "Topic"("officeId");

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Topic"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- The seven topics the code listed until now, national, with the sub-topics offices asked for most.
INSERT INTO "Topic" ("id", "code", "parentCode", "labelId", "labelEn", "referralTeam", "sortOrder", "updatedAt") VALUES
  (gen_random_uuid(), 'syarat_calon', NULL, 'Syarat calon', 'Candidate requirements', 'kebijakan', 10, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'syarat_pencalonan', NULL, 'Syarat pencalonan', 'Nomination requirements', 'kebijakan', 20, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'silon', NULL, 'SILON', 'SILON application', 'silon', 30, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'visi_misi', NULL, 'Visi, misi dan program', 'Vision, mission and programme', 'kebijakan', 40, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'foto', NULL, 'Foto calon', 'Candidate photos', 'kebijakan', 50, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'jadwal', NULL, 'Jadwal tahapan', 'Stage schedule', 'kebijakan', 60, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'lainnya', NULL, 'Lainnya', 'Other', 'kebijakan', 1000, CURRENT_TIMESTAMP);

INSERT INTO "Topic" ("id", "code", "parentCode", "labelId", "labelEn", "referralTeam", "sortOrder", "updatedAt") VALUES
  (gen_random_uuid(), 'silon_akun', 'silon', 'Akun SILON', 'SILON account', NULL, 10, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'silon_unggah_dokumen', 'silon', 'Unggah dokumen', 'Uploading documents', NULL, 20, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'silon_format_berkas', 'silon', 'Format berkas', 'File format', NULL, 30, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'silon_status_verifikasi', 'silon', 'Status verifikasi', 'Verification status', NULL, 40, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'syarat_calon_skck', 'syarat_calon', 'SKCK', 'Police clearance (SKCK)', NULL, 10, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'syarat_calon_kesehatan', 'syarat_calon', 'Surat keterangan kesehatan', 'Health certificate', NULL, 20, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'syarat_calon_ijazah', 'syarat_calon', 'Ijazah', 'Diploma', NULL, 30, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'syarat_calon_lhkpn', 'syarat_calon', 'LHKPN', 'Wealth report (LHKPN)', NULL, 40, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'syarat_pencalonan_dukungan_partai', 'syarat_pencalonan', 'Dukungan partai politik', 'Party support', NULL, 10, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'syarat_pencalonan_dukungan_perseorangan', 'syarat_pencalonan', 'Dukungan perseorangan', 'Independent support', NULL, 20, CURRENT_TIMESTAMP);

-- Any other code a stored row holds stays readable: a national topic labelled as stored, archived.
INSERT INTO "Topic" ("id", "code", "labelId", "sortOrder", "archivedAt", "updatedAt")
SELECT gen_random_uuid(), used.topic, used.topic, 2000, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM (
  SELECT "topic" FROM "Consultation"
  UNION SELECT "topic" FROM "Visit"
  UNION SELECT "topic" FROM "KnowledgeArticle"
) AS used
WHERE NOT EXISTS (SELECT 1 FROM "Topic" WHERE "Topic"."code" = used.topic);

-- Referrals made before the choice existed: SILON questions went to the SILON team, the rest to policy.
UPDATE "Consultation"
SET "referralTeam" = CASE WHEN "topic" = 'silon' THEN 'silon' ELSE 'kebijakan' END
WHERE "referredToOfficeId" IS NOT NULL;
