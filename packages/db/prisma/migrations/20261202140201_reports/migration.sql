-- CreateTable
CREATE TABLE "DailySummary" (
    "officeId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "consultations" JSONB NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DailySummary_pkey" PRIMARY KEY ("officeId","day")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" UUID NOT NULL,
    "officeId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDay" DATE NOT NULL,
    "content" JSONB NOT NULL,
    "finalisedById" UUID NOT NULL,
    "finalisedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentToOfficeId" UUID,
    "sentAt" TIMESTAMPTZ(3),
    "sentById" UUID,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportCounter" (
    "officeId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ReportCounter_pkey" PRIMARY KEY ("officeId","year")
);

-- CreateIndex
CREATE INDEX "DailySummary_day_idx" ON "DailySummary"("day");

-- CreateIndex
CREATE UNIQUE INDEX "Report_number_key" ON "Report"("number");

-- CreateIndex
CREATE INDEX "Report_officeId_finalisedAt_idx" ON "Report"("officeId", "finalisedAt");

-- CreateIndex
CREATE INDEX "Report_sentToOfficeId_finalisedAt_idx" ON "Report"("sentToOfficeId", "finalisedAt");

-- AddForeignKey
ALTER TABLE "DailySummary" ADD CONSTRAINT "DailySummary_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_sentToOfficeId_fkey" FOREIGN KEY ("sentToOfficeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;
