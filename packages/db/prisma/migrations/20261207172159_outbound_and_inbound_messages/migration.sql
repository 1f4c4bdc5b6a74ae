-- AlterTable
ALTER TABLE "Attachment" ALTER COLUMN "uploadedById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "notifyOnCall" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Mailbox" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "imapHost" TEXT NOT NULL,
    "imapPort" INTEGER NOT NULL,
    "imapTls" BOOLEAN NOT NULL,
    "imapUser" TEXT NOT NULL,
    "imapSecret" TEXT NOT NULL,
    "folder" TEXT NOT NULL DEFAULT 'INBOX',
    "smtpHost" TEXT NOT NULL,
    "smtpPort" INTEGER NOT NULL,
    "smtpTls" BOOLEAN NOT NULL,
    "smtpUser" TEXT NOT NULL,
    "smtpSecret" TEXT NOT NULL,
    "signature" TEXT NOT NULL DEFAULT '',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "uidValidity" BIGINT,
    "lastUid" INTEGER NOT NULL DEFAULT 0,
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "failingSince" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Mailbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMail" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "uidValidity" BIGINT NOT NULL,
    "uid" INTEGER NOT NULL,
    "fromAddress" TEXT,
    "fromName" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "disposition" TEXT NOT NULL,
    "skipReason" TEXT,
    "consultationId" UUID,
    "rawStorageKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "messageId" TEXT,
    "inReplyTo" TEXT,
    "references" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "consultationId" UUID,
    "pairId" UUID,
    "visitId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficeMessaging" (
    "officeId" UUID NOT NULL,
    "kindsOff" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "leadershipEmails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OfficeMessaging_pkey" PRIMARY KEY ("officeId")
);

-- CreateTable
CREATE TABLE "ImportedThread" (
    "officeId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "consultationId" UUID NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedThread_pkey" PRIMARY KEY ("officeId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Mailbox_officeId_key" ON "Mailbox"("officeId");

-- CreateIndex
CREATE INDEX "InboundMail_consultationId_idx" ON "InboundMail"("consultationId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_officeId_messageId_key" ON "InboundMail"("officeId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_consultationId_idx" ON "OutboxMessage"("consultationId");

-- CreateIndex
CREATE INDEX "OutboxMessage_pairId_idx" ON "OutboxMessage"("pairId");

-- CreateIndex
CREATE INDEX "OutboxMessage_messageId_idx" ON "OutboxMessage"("messageId");

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeMessaging" ADD CONSTRAINT "OfficeMessaging_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
