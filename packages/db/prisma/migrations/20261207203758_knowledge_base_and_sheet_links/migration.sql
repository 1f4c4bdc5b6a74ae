-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "mergedAt" TIMESTAMPTZ(3),
ADD COLUMN     "mergedIntoId" UUID,
ADD COLUMN     "ratingToken" TEXT,
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "KnowledgeArticle" (
    "id" UUID NOT NULL,
    "ownerOfficeId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "titleId" TEXT NOT NULL,
    "titleEn" TEXT,
    "bodyId" TEXT NOT NULL,
    "bodyEn" TEXT,
    "legalBasis" JSONB NOT NULL DEFAULT '[]',
    "public" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sourceConsultationId" UUID,
    "copiedFromId" UUID,
    "archivedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "search" tsvector,

    CONSTRAINT "KnowledgeArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeArticleVersion" (
    "articleId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT,
    "editedById" UUID NOT NULL,
    "editedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeArticleVersion_pkey" PRIMARY KEY ("articleId","version")
);

-- CreateTable
CREATE TABLE "ConsultationArticle" (
    "consultationId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "articleVersion" INTEGER NOT NULL,
    "insertedById" UUID NOT NULL,
    "insertedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationArticle_pkey" PRIMARY KEY ("consultationId","articleId")
);

-- CreateTable
CREATE TABLE "ConsultationLink" (
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationLink_pkey" PRIMARY KEY ("fromId","toId")
);

-- CreateTable
CREATE TABLE "ConsultationRating" (
    "consultationId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "via" TEXT NOT NULL,
    "ratedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationRating_pkey" PRIMARY KEY ("consultationId")
);

-- CreateIndex
CREATE INDEX "KnowledgeArticle_ownerOfficeId_archivedAt_idx" ON "KnowledgeArticle"("ownerOfficeId", "archivedAt");

-- CreateIndex
CREATE INDEX "KnowledgeArticle_search_idx" ON "KnowledgeArticle" USING GIN ("search");

-- CreateIndex
CREATE INDEX "ConsultationArticle_articleId_idx" ON "ConsultationArticle"("articleId");

-- CreateIndex
CREATE INDEX "ConsultationLink_toId_idx" ON "ConsultationLink"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "Consultation_ratingToken_key" ON "Consultation"("ratingToken");

-- CreateIndex
CREATE INDEX "Consultation_tags_idx" ON "Consultation" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Consultation_mergedIntoId_idx" ON "Consultation"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Consultation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeArticle" ADD CONSTRAINT "KnowledgeArticle_ownerOfficeId_fkey" FOREIGN KEY ("ownerOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeArticleVersion" ADD CONSTRAINT "KnowledgeArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "KnowledgeArticle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationArticle" ADD CONSTRAINT "ConsultationArticle_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationArticle" ADD CONSTRAINT "ConsultationArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "KnowledgeArticle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationLink" ADD CONSTRAINT "ConsultationLink_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationLink" ADD CONSTRAINT "ConsultationLink_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationRating" ADD CONSTRAINT "ConsultationRating_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Full-text search over an article, as over a sheet: a trigger keeps "search" current, 'simple' configuration.
-- Titles weigh most, then tags, then the bodies, so "SKCK" finds the SKCK article before one that mentions it.
CREATE FUNCTION knowledge_article_search_update() RETURNS trigger AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('simple', concat_ws(' ', NEW."titleId", NEW."titleEn")), 'A') ||
    setweight(to_tsvector('simple', array_to_string(NEW."tags", ' ')), 'B') ||
    setweight(to_tsvector('simple', concat_ws(' ', NEW."bodyId", NEW."bodyEn")), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER knowledge_article_search
BEFORE INSERT OR UPDATE ON "KnowledgeArticle"
FOR EACH ROW EXECUTE FUNCTION knowledge_article_search_update();

-- A rating is a score from 1 to 5, a sheet is never merged into itself and a link is stored once, whatever
-- writes the row. Triggers rather than CHECK constraints, which Prisma's schema describer cannot read back.
CREATE FUNCTION rating_score_guard() RETURNS trigger AS $$
BEGIN
  IF NEW."score" NOT BETWEEN 1 AND 5 THEN RAISE EXCEPTION 'a rating is a score from 1 to 5'; END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER rating_score BEFORE INSERT OR UPDATE ON "ConsultationRating"
FOR EACH ROW EXECUTE FUNCTION rating_score_guard();

CREATE FUNCTION sheet_merge_guard() RETURNS trigger AS $$
BEGIN
  IF NEW."mergedIntoId" = NEW."id" THEN RAISE EXCEPTION 'a sheet is never merged into itself'; END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER sheet_merge BEFORE UPDATE OF "mergedIntoId" ON "Consultation"
FOR EACH ROW EXECUTE FUNCTION sheet_merge_guard();

CREATE FUNCTION sheet_link_guard() RETURNS trigger AS $$
BEGIN
  IF NEW."fromId" >= NEW."toId" THEN RAISE EXCEPTION 'a link is stored once, from the lower id'; END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER sheet_link BEFORE INSERT OR UPDATE ON "ConsultationLink"
FOR EACH ROW EXECUTE FUNCTION sheet_link_guard();
