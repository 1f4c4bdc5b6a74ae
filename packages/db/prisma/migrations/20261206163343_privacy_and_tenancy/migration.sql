-- Several guests may share a phone: a kiosk check-in never renames an earlier guest.
DROP INDEX "Guest_officeId_phone_key";
CREATE INDEX "Guest_officeId_phone_idx" ON "Guest"("officeId", "phone");

-- Consent text versions are named per office: a surrogate key, the name unique within its office.
ALTER TABLE "ConsentText" DROP CONSTRAINT "ConsentText_pkey",
ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD CONSTRAINT "ConsentText_pkey" PRIMARY KEY ("id");
ALTER TABLE "ConsentText" ALTER COLUMN "id" DROP DEFAULT;
CREATE INDEX "ConsentText_version_idx" ON "ConsentText"("version");
CREATE UNIQUE INDEX "ConsentText_officeId_version_key" ON "ConsentText"("officeId", "version");

-- The queue's arrival order is the server's receipt time; visits so far were received when created.
ALTER TABLE "Visit" ADD COLUMN     "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "Visit" SET "queuedAt" = "createdAt";

-- Every audit event belongs to the office whose trail shows it: the actor's, else the target's.
ALTER TABLE "AuditEvent" ADD COLUMN     "officeId" UUID;
CREATE INDEX "AuditEvent_officeId_id_idx" ON "AuditEvent"("officeId", "id");

CREATE FUNCTION audit_event_office(actor UUID, target_type TEXT, target_id TEXT) RETURNS UUID AS $$
DECLARE
  office UUID;
  target UUID;
BEGIN
  IF actor IS NOT NULL THEN
    SELECT "officeId" INTO office FROM "User" WHERE "id" = actor;
    IF office IS NOT NULL THEN RETURN office; END IF;
  END IF;
  IF target_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN RETURN NULL; END IF;
  target := target_id::uuid;
  CASE target_type
    WHEN 'Office' THEN SELECT "id" INTO office FROM "Office" WHERE "id" = target;
    WHEN 'User' THEN SELECT "officeId" INTO office FROM "User" WHERE "id" = target;
    WHEN 'Visit' THEN SELECT "officeId" INTO office FROM "Visit" WHERE "id" = target;
    WHEN 'Guest' THEN SELECT "officeId" INTO office FROM "Guest" WHERE "id" = target;
    WHEN 'KioskDevice' THEN SELECT "officeId" INTO office FROM "KioskDevice" WHERE "id" = target;
    WHEN 'Consultation' THEN SELECT "officeId" INTO office FROM "Consultation" WHERE "id" = target;
    WHEN 'Election' THEN SELECT "officeId" INTO office FROM "Election" WHERE "id" = target;
    WHEN 'CandidatePair' THEN SELECT "officeId" INTO office FROM "CandidatePair" WHERE "id" = target;
    WHEN 'Report' THEN SELECT "officeId" INTO office FROM "Report" WHERE "id" = target;
    WHEN 'ConsentText' THEN SELECT "officeId" INTO office FROM "ConsentText" WHERE "id" = target;
    WHEN 'Attachment' THEN
      SELECT c."officeId" INTO office FROM "Attachment" a JOIN "Consultation" c ON c."id" = a."consultationId"
      WHERE a."id" = target;
    WHEN 'RequirementCheck' THEN
      SELECT p."officeId" INTO office FROM "RequirementCheck" r JOIN "CandidatePair" p ON p."id" = r."pairId"
      WHERE r."id" = target;
    ELSE office := NULL;
  END CASE;
  RETURN office;
END
$$ LANGUAGE plpgsql STABLE;

UPDATE "AuditEvent" SET "officeId" = audit_event_office("actorId", "targetType", "targetId");

CREATE FUNCTION audit_event_fill_office() RETURNS trigger AS $$
BEGIN
  IF NEW."officeId" IS NULL THEN
    NEW."officeId" := audit_event_office(NEW."actorId", NEW."targetType", NEW."targetId");
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_office
BEFORE INSERT ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION audit_event_fill_office();

-- Snapshots written so far may hold personal values; from now on they are redacted when written
-- (PERSONAL_AUDIT_FIELDS in @mejabantu/domain). This is the last time the trail is rewritten.
CREATE FUNCTION audit_redacted(snapshot JSONB) RETURNS JSONB AS $$
  SELECT CASE
    WHEN snapshot IS NULL OR jsonb_typeof(snapshot) <> 'object' THEN snapshot
    ELSE (
      SELECT coalesce(jsonb_object_agg(key, CASE
        WHEN key = ANY (ARRAY['askerName', 'askerInstitution', 'askerContact', 'participants', 'question',
          'minutes', 'answer', 'referralNote', 'purpose', 'loName', 'loPhone', 'loEmail', 'attendees',
          'fileName', 'guestName', 'institution', 'phone', 'email', 'query'])
          AND value <> 'null'::jsonb THEN '"[redacted]"'::jsonb
        ELSE value END), '{}'::jsonb)
      FROM jsonb_each(snapshot))
  END
$$ LANGUAGE sql IMMUTABLE;

UPDATE "AuditEvent" SET "before" = audit_redacted("before"), "after" = audit_redacted("after")
WHERE "before" IS NOT NULL OR "after" IS NOT NULL;

DROP FUNCTION audit_redacted(JSONB);

-- The trail is append-only in the database itself, whoever connects.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- An LO's phone goes when their personal data is erased; the pair keeps its record.
ALTER TABLE "CandidatePair" ALTER COLUMN "loPhone" DROP NOT NULL;
