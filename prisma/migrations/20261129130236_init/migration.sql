-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'POLICY_OFFICER', 'COMMISSIONER', 'PROVIDER');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('OPCC', 'PROVIDER');

-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('CHARITY', 'NHS', 'LOCAL_AUTHORITY', 'CIC', 'POLICE', 'OTHER');

-- CreateEnum
CREATE TYPE "ServiceStatus" AS ENUM ('PLANNED', 'ACTIVE', 'EXTENDED', 'ENDED');

-- CreateEnum
CREATE TYPE "RiskRating" AS ENUM ('GREEN', 'AMBER', 'RED');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('PCC_CORE_GRANT', 'MOJ_VICTIMS_GRANT', 'HOME_OFFICE', 'PARTNER_CONTRIBUTION', 'OTHER');

-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('PLANNED', 'ACTIVE', 'PAUSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "MeasureUnit" AS ENUM ('COUNT', 'DECIMAL', 'MONEY', 'DAYS', 'PERCENT', 'TEXT');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEUTRAL');

-- CreateEnum
CREATE TYPE "CheckSeverity" AS ENUM ('HARD', 'SOFT');

-- CreateEnum
CREATE TYPE "ReturnStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REOPENED');

-- CreateEnum
CREATE TYPE "QueryStatus" AS ENUM ('OPEN', 'ANSWERED', 'RESOLVED');

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "OrganisationKind" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "registered_number" VARCHAR(40),
    "email" VARCHAR(320),
    "phone" VARCHAR(40),
    "address" VARCHAR(500),
    "website" VARCHAR(300),
    "archived_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_contact" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "job_title" VARCHAR(200),
    "email" VARCHAR(320),
    "phone" VARCHAR(40),
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation_area" (
    "organisation_id" UUID NOT NULL,
    "area_id" UUID NOT NULL,

    CONSTRAINT "organisation_area_pkey" PRIMARY KEY ("organisation_id","area_id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "organisation_id" UUID NOT NULL,
    "password_hash" VARCHAR(300),
    "deactivated_at" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "totp_secret" VARCHAR(200),
    "totp_enabled_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" VARCHAR(64),
    "user_agent" VARCHAR(300),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(320) NOT NULL,
    "ip_address" VARCHAR(64) NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'PROVIDER',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_label" VARCHAR(320) NOT NULL,
    "organisation_id" UUID,
    "action" VARCHAR(80) NOT NULL,
    "operation" VARCHAR(120),
    "entity_type" VARCHAR(80),
    "entity_id" VARCHAR(80),
    "before" JSONB,
    "after" JSONB,
    "request_id" VARCHAR(64),
    "ip_address" VARCHAR(64),

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "priority_issue" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "briefing_text" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "priority_issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "harm_type" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "harm_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partnership_forum" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "partnership_forum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "area" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commissioned_service" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" VARCHAR(40) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT,
    "provider_id" UUID NOT NULL,
    "lead_officer_id" UUID,
    "status" "ServiceStatus" NOT NULL DEFAULT 'PLANNED',
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "annual_value" DECIMAL(14,2) NOT NULL,
    "total_value" DECIMAL(14,2) NOT NULL,
    "cohort_min_age" SMALLINT,
    "cohort_max_age" SMALLINT,
    "risk_rating" "RiskRating" NOT NULL DEFAULT 'GREEN',
    "risk_reason" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "commissioned_service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_status_change" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "from_status" "ServiceStatus",
    "to_status" "ServiceStatus" NOT NULL,
    "reason" TEXT,
    "new_end_date" DATE,
    "changed_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_priority_issue" (
    "service_id" UUID NOT NULL,
    "priority_issue_id" UUID NOT NULL,

    CONSTRAINT "service_priority_issue_pkey" PRIMARY KEY ("service_id","priority_issue_id")
);

-- CreateTable
CREATE TABLE "service_harm_type" (
    "service_id" UUID NOT NULL,
    "harm_type_id" UUID NOT NULL,

    CONSTRAINT "service_harm_type_pkey" PRIMARY KEY ("service_id","harm_type_id")
);

-- CreateTable
CREATE TABLE "service_forum" (
    "service_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,

    CONSTRAINT "service_forum_pkey" PRIMARY KEY ("service_id","forum_id")
);

-- CreateTable
CREATE TABLE "service_area" (
    "service_id" UUID NOT NULL,
    "area_id" UUID NOT NULL,

    CONSTRAINT "service_area_pkey" PRIMARY KEY ("service_id","area_id")
);

-- CreateTable
CREATE TABLE "service_funding" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "financial_year" SMALLINT NOT NULL,
    "source" "FundingSource" NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "service_funding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "initiative" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "lead_partner" VARCHAR(200),
    "status" "InitiativeStatus" NOT NULL DEFAULT 'ACTIVE',
    "from_briefing" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL DEFAULT 100,
    "archived_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_initiative" (
    "service_id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_initiative_pkey" PRIMARY KEY ("service_id","initiative_id")
);

-- CreateTable
CREATE TABLE "initiative_funding" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,
    "financial_year" SMALLINT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,

    CONSTRAINT "initiative_funding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "breakdown" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(40) NOT NULL,
    "label" VARCHAR(200) NOT NULL,

    CONSTRAINT "breakdown_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "breakdown_option" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "breakdown_id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "label" VARCHAR(200) NOT NULL,
    "published_band" VARCHAR(40),
    "is_not_known" BOOLEAN NOT NULL DEFAULT false,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "breakdown_option_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(60) NOT NULL,
    "label" VARCHAR(300) NOT NULL,
    "help_text" TEXT,
    "unit" "MeasureUnit" NOT NULL,
    "breakdown_id" UUID,
    "secondary_breakdown_id" UUID,
    "direction" "Direction" NOT NULL DEFAULT 'NEUTRAL',
    "counts_people" BOOLEAN NOT NULL DEFAULT false,
    "priority_issue_id" UUID,
    "outcome_domain" VARCHAR(40),
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_template" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" VARCHAR(40) NOT NULL,
    "version" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "effective_from_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_section" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "template_id" UUID NOT NULL,
    "code" VARCHAR(60) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT,
    "sort_order" INTEGER NOT NULL,
    "priority_issue_id" UUID,

    CONSTRAINT "template_section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "template_section_measure" (
    "section_id" UUID NOT NULL,
    "measure_id" UUID NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "template_section_measure_pkey" PRIMARY KEY ("section_id","measure_id")
);

-- CreateTable
CREATE TABLE "template_check" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "template_id" UUID NOT NULL,
    "code" VARCHAR(80) NOT NULL,
    "severity" "CheckSeverity" NOT NULL,
    "rule" JSONB NOT NULL,
    "message" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "template_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "measure_id" UUID NOT NULL,
    "financial_year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL DEFAULT 0,
    "value" DECIMAL(14,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporting_period" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "financial_year" SMALLINT NOT NULL,
    "quarter" SMALLINT NOT NULL,
    "label" VARCHAR(20) NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "opens_on" DATE NOT NULL,
    "due_date" DATE NOT NULL,
    "locks_on" DATE NOT NULL,

    CONSTRAINT "reporting_period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performance_return" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "service_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "status" "ReturnStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "no_activity" BOOLEAN NOT NULL DEFAULT false,
    "declaration_name" VARCHAR(200),
    "submitted_at" TIMESTAMPTZ(3),
    "submitted_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by_id" UUID,
    "returned_reason" TEXT,
    "reopened_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "performance_return_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_version" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "return_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "ReturnStatus" NOT NULL,
    "snapshot" JSONB NOT NULL,
    "declaration_name" VARCHAR(200),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_value" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "return_id" UUID NOT NULL,
    "measure_id" UUID NOT NULL,
    "breakdown_key" VARCHAR(120) NOT NULL DEFAULT '',
    "numeric_value" DECIMAL(18,4),
    "text_value" TEXT,
    "blank_reason" TEXT,
    "comment" TEXT,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "return_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_query" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "return_id" UUID NOT NULL,
    "measure_id" UUID,
    "breakdown_key" VARCHAR(120),
    "status" "QueryStatus" NOT NULL DEFAULT 'OPEN',
    "raised_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "return_query_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "return_query_message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "query_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "return_query_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lock_exception" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "return_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "granted_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "lock_exception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" VARCHAR(60) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "return_id" UUID,
    "dedupe_key" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to_address" VARCHAR(320) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "dedupe_key" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_name_key" ON "organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_slug_key" ON "organisation"("slug");

-- CreateIndex
CREATE INDEX "organisation_contact_organisation_id_idx" ON "organisation_contact"("organisation_id");

-- CreateIndex
CREATE INDEX "organisation_area_area_id_idx" ON "organisation_area"("area_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_organisation_id_idx" ON "app_user"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "login_attempt_email_created_at_idx" ON "login_attempt"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_address_created_at_idx" ON "login_attempt"("ip_address", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_token_hash_key" ON "password_reset"("token_hash");

-- CreateIndex
CREATE INDEX "password_reset_user_id_idx" ON "password_reset"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_organisation_id_idx" ON "api_token"("organisation_id");

-- CreateIndex
CREATE INDEX "api_token_created_by_id_idx" ON "api_token"("created_by_id");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_event_actor_user_id_idx" ON "audit_event"("actor_user_id");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "priority_issue_code_key" ON "priority_issue"("code");

-- CreateIndex
CREATE UNIQUE INDEX "harm_type_code_key" ON "harm_type"("code");

-- CreateIndex
CREATE UNIQUE INDEX "harm_type_name_key" ON "harm_type"("name");

-- CreateIndex
CREATE UNIQUE INDEX "partnership_forum_code_key" ON "partnership_forum"("code");

-- CreateIndex
CREATE UNIQUE INDEX "partnership_forum_name_key" ON "partnership_forum"("name");

-- CreateIndex
CREATE UNIQUE INDEX "area_code_key" ON "area"("code");

-- CreateIndex
CREATE UNIQUE INDEX "area_name_key" ON "area"("name");

-- CreateIndex
CREATE UNIQUE INDEX "commissioned_service_reference_key" ON "commissioned_service"("reference");

-- CreateIndex
CREATE INDEX "commissioned_service_provider_id_idx" ON "commissioned_service"("provider_id");

-- CreateIndex
CREATE INDEX "commissioned_service_lead_officer_id_idx" ON "commissioned_service"("lead_officer_id");

-- CreateIndex
CREATE INDEX "commissioned_service_status_idx" ON "commissioned_service"("status");

-- CreateIndex
CREATE INDEX "commissioned_service_end_date_idx" ON "commissioned_service"("end_date");

-- CreateIndex
CREATE INDEX "service_status_change_service_id_idx" ON "service_status_change"("service_id");

-- CreateIndex
CREATE INDEX "service_status_change_changed_by_id_idx" ON "service_status_change"("changed_by_id");

-- CreateIndex
CREATE INDEX "service_priority_issue_priority_issue_id_idx" ON "service_priority_issue"("priority_issue_id");

-- CreateIndex
CREATE INDEX "service_harm_type_harm_type_id_idx" ON "service_harm_type"("harm_type_id");

-- CreateIndex
CREATE INDEX "service_forum_forum_id_idx" ON "service_forum"("forum_id");

-- CreateIndex
CREATE INDEX "service_area_area_id_idx" ON "service_area"("area_id");

-- CreateIndex
CREATE INDEX "service_funding_financial_year_idx" ON "service_funding"("financial_year");

-- CreateIndex
CREATE UNIQUE INDEX "service_funding_service_id_financial_year_source_key" ON "service_funding"("service_id", "financial_year", "source");

-- CreateIndex
CREATE UNIQUE INDEX "initiative_name_key" ON "initiative"("name");

-- CreateIndex
CREATE INDEX "service_initiative_initiative_id_idx" ON "service_initiative"("initiative_id");

-- CreateIndex
CREATE INDEX "initiative_funding_initiative_id_financial_year_idx" ON "initiative_funding"("initiative_id", "financial_year");

-- CreateIndex
CREATE UNIQUE INDEX "initiative_funding_service_id_initiative_id_financial_year_key" ON "initiative_funding"("service_id", "initiative_id", "financial_year");

-- CreateIndex
CREATE UNIQUE INDEX "breakdown_code_key" ON "breakdown"("code");

-- CreateIndex
CREATE UNIQUE INDEX "breakdown_option_breakdown_id_code_key" ON "breakdown_option"("breakdown_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "measure_code_key" ON "measure"("code");

-- CreateIndex
CREATE INDEX "measure_priority_issue_id_idx" ON "measure"("priority_issue_id");

-- CreateIndex
CREATE INDEX "measure_breakdown_id_idx" ON "measure"("breakdown_id");

-- CreateIndex
CREATE INDEX "measure_secondary_breakdown_id_idx" ON "measure"("secondary_breakdown_id");

-- CreateIndex
CREATE INDEX "return_template_effective_from_id_idx" ON "return_template"("effective_from_id");

-- CreateIndex
CREATE UNIQUE INDEX "return_template_code_version_key" ON "return_template"("code", "version");

-- CreateIndex
CREATE INDEX "template_section_priority_issue_id_idx" ON "template_section"("priority_issue_id");

-- CreateIndex
CREATE UNIQUE INDEX "template_section_template_id_code_key" ON "template_section"("template_id", "code");

-- CreateIndex
CREATE INDEX "template_section_measure_measure_id_idx" ON "template_section_measure"("measure_id");

-- CreateIndex
CREATE UNIQUE INDEX "template_check_template_id_code_key" ON "template_check"("template_id", "code");

-- CreateIndex
CREATE INDEX "target_measure_id_idx" ON "target"("measure_id");

-- CreateIndex
CREATE UNIQUE INDEX "target_service_id_measure_id_financial_year_quarter_key" ON "target"("service_id", "measure_id", "financial_year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "reporting_period_label_key" ON "reporting_period"("label");

-- CreateIndex
CREATE UNIQUE INDEX "reporting_period_financial_year_quarter_key" ON "reporting_period"("financial_year", "quarter");

-- CreateIndex
CREATE INDEX "performance_return_period_id_status_idx" ON "performance_return"("period_id", "status");

-- CreateIndex
CREATE INDEX "performance_return_template_id_idx" ON "performance_return"("template_id");

-- CreateIndex
CREATE INDEX "performance_return_submitted_by_id_idx" ON "performance_return"("submitted_by_id");

-- CreateIndex
CREATE INDEX "performance_return_reviewed_by_id_idx" ON "performance_return"("reviewed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "performance_return_service_id_period_id_key" ON "performance_return"("service_id", "period_id");

-- CreateIndex
CREATE INDEX "return_version_created_by_id_idx" ON "return_version"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "return_version_return_id_number_key" ON "return_version"("return_id", "number");

-- CreateIndex
CREATE INDEX "return_value_measure_id_idx" ON "return_value"("measure_id");

-- CreateIndex
CREATE INDEX "return_value_updated_by_id_idx" ON "return_value"("updated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "return_value_return_id_measure_id_breakdown_key_key" ON "return_value"("return_id", "measure_id", "breakdown_key");

-- CreateIndex
CREATE INDEX "return_query_return_id_idx" ON "return_query"("return_id");

-- CreateIndex
CREATE INDEX "return_query_measure_id_idx" ON "return_query"("measure_id");

-- CreateIndex
CREATE INDEX "return_query_raised_by_id_idx" ON "return_query"("raised_by_id");

-- CreateIndex
CREATE INDEX "return_query_message_query_id_idx" ON "return_query_message"("query_id");

-- CreateIndex
CREATE INDEX "return_query_message_author_id_idx" ON "return_query_message"("author_id");

-- CreateIndex
CREATE INDEX "lock_exception_return_id_idx" ON "lock_exception"("return_id");

-- CreateIndex
CREATE INDEX "lock_exception_granted_by_id_idx" ON "lock_exception"("granted_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "notification_dedupe_key_key" ON "notification"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "notification_return_id_idx" ON "notification"("return_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_dedupe_key_key" ON "email_outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "email_outbox_sent_at_idx" ON "email_outbox"("sent_at");

-- AddForeignKey
ALTER TABLE "organisation_contact" ADD CONSTRAINT "organisation_contact_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_area" ADD CONSTRAINT "organisation_area_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_area" ADD CONSTRAINT "organisation_area_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commissioned_service" ADD CONSTRAINT "commissioned_service_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commissioned_service" ADD CONSTRAINT "commissioned_service_lead_officer_id_fkey" FOREIGN KEY ("lead_officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_status_change" ADD CONSTRAINT "service_status_change_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_status_change" ADD CONSTRAINT "service_status_change_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_priority_issue" ADD CONSTRAINT "service_priority_issue_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_priority_issue" ADD CONSTRAINT "service_priority_issue_priority_issue_id_fkey" FOREIGN KEY ("priority_issue_id") REFERENCES "priority_issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_harm_type" ADD CONSTRAINT "service_harm_type_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_harm_type" ADD CONSTRAINT "service_harm_type_harm_type_id_fkey" FOREIGN KEY ("harm_type_id") REFERENCES "harm_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_forum" ADD CONSTRAINT "service_forum_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_forum" ADD CONSTRAINT "service_forum_forum_id_fkey" FOREIGN KEY ("forum_id") REFERENCES "partnership_forum"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_area" ADD CONSTRAINT "service_area_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_area" ADD CONSTRAINT "service_area_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_funding" ADD CONSTRAINT "service_funding_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_initiative" ADD CONSTRAINT "service_initiative_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_initiative" ADD CONSTRAINT "service_initiative_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_service_id_initiative_id_fkey" FOREIGN KEY ("service_id", "initiative_id") REFERENCES "service_initiative"("service_id", "initiative_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "breakdown_option" ADD CONSTRAINT "breakdown_option_breakdown_id_fkey" FOREIGN KEY ("breakdown_id") REFERENCES "breakdown"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_breakdown_id_fkey" FOREIGN KEY ("breakdown_id") REFERENCES "breakdown"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_secondary_breakdown_id_fkey" FOREIGN KEY ("secondary_breakdown_id") REFERENCES "breakdown"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_priority_issue_id_fkey" FOREIGN KEY ("priority_issue_id") REFERENCES "priority_issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_template" ADD CONSTRAINT "return_template_effective_from_id_fkey" FOREIGN KEY ("effective_from_id") REFERENCES "reporting_period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_section" ADD CONSTRAINT "template_section_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "return_template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_section" ADD CONSTRAINT "template_section_priority_issue_id_fkey" FOREIGN KEY ("priority_issue_id") REFERENCES "priority_issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_section_measure" ADD CONSTRAINT "template_section_measure_section_id_fkey" FOREIGN KEY ("section_id") REFERENCES "template_section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_section_measure" ADD CONSTRAINT "template_section_measure_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "template_check" ADD CONSTRAINT "template_check_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "return_template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "target" ADD CONSTRAINT "target_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "commissioned_service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "reporting_period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "return_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_version" ADD CONSTRAINT "return_version_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "performance_return"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_version" ADD CONSTRAINT "return_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_value" ADD CONSTRAINT "return_value_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "performance_return"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_value" ADD CONSTRAINT "return_value_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_value" ADD CONSTRAINT "return_value_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_query" ADD CONSTRAINT "return_query_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "performance_return"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_query" ADD CONSTRAINT "return_query_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_query" ADD CONSTRAINT "return_query_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_query_message" ADD CONSTRAINT "return_query_message_query_id_fkey" FOREIGN KEY ("query_id") REFERENCES "return_query"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "return_query_message" ADD CONSTRAINT "return_query_message_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lock_exception" ADD CONSTRAINT "lock_exception_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "performance_return"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lock_exception" ADD CONSTRAINT "lock_exception_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_return_id_fkey" FOREIGN KEY ("return_id") REFERENCES "performance_return"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- Hand-written: invariants Prisma's schema language cannot express. Prisma's diff ignores CHECK constraints and
-- triggers, so they do not show as drift.
-- ---------------------------------------------------------------------------------------------------------------

-- E-mail addresses are stored lower-cased, so the unique index is case-insensitive in effect.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_check" CHECK ("email" = lower("email"));
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- Money is never negative.
ALTER TABLE "commissioned_service" ADD CONSTRAINT "commissioned_service_annual_value_check" CHECK ("annual_value" >= 0);
ALTER TABLE "commissioned_service" ADD CONSTRAINT "commissioned_service_total_value_check" CHECK ("total_value" >= 0);
ALTER TABLE "service_funding" ADD CONSTRAINT "service_funding_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "target" ADD CONSTRAINT "target_value_check" CHECK ("value" >= 0);

-- A contract ends after it starts; its cohort's ages make sense; amber and red risks say why.
ALTER TABLE "commissioned_service" ADD CONSTRAINT "commissioned_service_dates_check" CHECK ("end_date" >= "start_date");
ALTER TABLE "commissioned_service" ADD CONSTRAINT "commissioned_service_cohort_check"
  CHECK (("cohort_min_age" IS NULL OR "cohort_min_age" BETWEEN 0 AND 120)
     AND ("cohort_max_age" IS NULL OR "cohort_max_age" BETWEEN 0 AND 120)
     AND ("cohort_min_age" IS NULL OR "cohort_max_age" IS NULL OR "cohort_min_age" <= "cohort_max_age"));
ALTER TABLE "commissioned_service" ADD CONSTRAINT "commissioned_service_risk_reason_check"
  CHECK ("risk_rating" = 'GREEN' OR length(btrim(coalesce("risk_reason", ''))) > 0);

-- Financial years are written by their first calendar year (2026 = 2026/27); quarters 1-4 (targets: 0 = whole year).
ALTER TABLE "service_funding" ADD CONSTRAINT "service_funding_year_check" CHECK ("financial_year" BETWEEN 2000 AND 2100);
ALTER TABLE "initiative_funding" ADD CONSTRAINT "initiative_funding_year_check" CHECK ("financial_year" BETWEEN 2000 AND 2100);
ALTER TABLE "target" ADD CONSTRAINT "target_period_check" CHECK ("financial_year" BETWEEN 2000 AND 2100 AND "quarter" BETWEEN 0 AND 4);
ALTER TABLE "reporting_period" ADD CONSTRAINT "reporting_period_quarter_check" CHECK ("quarter" BETWEEN 1 AND 4);
ALTER TABLE "reporting_period" ADD CONSTRAINT "reporting_period_dates_check"
  CHECK ("start_date" <= "end_date" AND "end_date" < "opens_on" AND "opens_on" <= "due_date" AND "due_date" <= "locks_on");

-- Returns: versions count from 1; a submitted return says who and when; a returned one says why.
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_version_check" CHECK ("version" >= 1);
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_submitted_check"
  CHECK ("status" IN ('NOT_STARTED', 'IN_PROGRESS') OR ("submitted_at" IS NOT NULL AND "submitted_by_id" IS NOT NULL));
ALTER TABLE "performance_return" ADD CONSTRAINT "performance_return_returned_reason_check"
  CHECK ("status" <> 'RETURNED' OR length(btrim(coalesce("returned_reason", ''))) > 0);
ALTER TABLE "return_version" ADD CONSTRAINT "return_version_number_check" CHECK ("number" >= 1);
-- A value is a number, a text, or a blank with a reason.
ALTER TABLE "return_value" ADD CONSTRAINT "return_value_present_check"
  CHECK ("numeric_value" IS NOT NULL OR "text_value" IS NOT NULL OR length(btrim(coalesce("blank_reason", ''))) > 0);
ALTER TABLE "lock_exception" ADD CONSTRAINT "lock_exception_reason_check" CHECK (length(btrim("reason")) > 0);

-- The audit trail is append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_event_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- The one audit mechanism. Who, which request and which operation are transaction settings made by the portal
-- (graphql/audit.ts) at the start of every writing transaction; audit_record() writes an event with them.
CREATE FUNCTION "audit_record"(p_action text, p_entity_type text, p_entity_id text, p_before jsonb, p_after jsonb)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit_event" ("actor_user_id", "actor_label", "organisation_id", "action", "operation", "entity_type",
                             "entity_id", "before", "after", "request_id", "ip_address")
  VALUES (
    nullif(current_setting('app.actor_user_id', true), '')::uuid,
    coalesce(nullif(current_setting('app.actor_label', true), ''), 'system'),
    nullif(current_setting('app.organisation_id', true), '')::uuid,
    p_action,
    nullif(current_setting('app.operation', true), ''),
    p_entity_type,
    p_entity_id,
    p_before,
    p_after,
    nullif(current_setting('app.request_id', true), ''),
    nullif(current_setting('app.ip_address', true), '')
  );
END;
$$;

-- Row changes on audited tables, with before and after. Secrets never reach the audit trail. Bulk loads that
-- must not be audited row by row (the volume generator) set app.audit = 'off' for their transaction.
CREATE FUNCTION "audit_row_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_before jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - 'password_hash' - 'token_hash' - 'totp_secret' END;
  v_after jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - 'password_hash' - 'token_hash' - 'totp_secret' END;
  v_row jsonb := coalesce(v_after, v_before);
  v_id text;
BEGIN
  IF current_setting('app.audit', true) = 'off' THEN
    RETURN NULL;
  END IF;
  -- Bookkeeping columns alone (last used, last signed in, updated at) are not worth an event.
  IF TG_OP = 'UPDATE' AND (v_before - 'updated_at' - 'last_used_at' - 'last_sign_in_at')
                        = (v_after - 'updated_at' - 'last_used_at' - 'last_sign_in_at') THEN
    RETURN NULL;
  END IF;
  -- The row's id, or its composite key ("service_id:initiative_id") for link tables.
  v_id := coalesce(v_row ->> 'id', (SELECT string_agg(value, ':' ORDER BY key) FROM jsonb_each_text(v_row) WHERE key LIKE '%\_id'));
  PERFORM "audit_record"(CASE TG_OP WHEN 'INSERT' THEN 'CREATE' ELSE TG_OP END, TG_TABLE_NAME, v_id, v_before, v_after);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'organisation', 'organisation_contact', 'organisation_area', 'app_user', 'password_reset', 'api_token',
    'priority_issue', 'harm_type', 'partnership_forum', 'area',
    'commissioned_service', 'service_status_change', 'service_priority_issue', 'service_harm_type', 'service_forum',
    'service_area', 'service_funding', 'initiative', 'service_initiative', 'initiative_funding',
    'breakdown', 'breakdown_option', 'measure', 'return_template', 'template_section', 'template_section_measure',
    'template_check', 'target', 'reporting_period',
    'performance_return', 'return_version', 'return_value', 'return_query', 'return_query_message', 'lock_exception'
  ] LOOP
    EXECUTE format('CREATE TRIGGER "%s_audit" AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION "audit_row_change"()', t, t);
  END LOOP;
END;
$$;
