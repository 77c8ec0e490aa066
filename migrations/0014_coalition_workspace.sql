CREATE TABLE "coalition_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"source" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"mandate_holder_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coalition_funding_source_check" CHECK ("coalition_funding"."source" IN ('impulse', 'spuk_gala', 'spuk_iza', 'municipal_budget', 'funds', 'other')),
	CONSTRAINT "coalition_funding_period_check" CHECK ("coalition_funding"."period_end" >= "coalition_funding"."period_start"),
	CONSTRAINT "coalition_funding_amount_check" CHECK ("coalition_funding"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "coalition_steering_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"function" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coalition_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"organisation_id" uuid,
	"external_name" text,
	"domain" text NOT NULL,
	"level" text NOT NULL,
	"role" text,
	"since" date,
	"until" date,
	"is_wanted" boolean DEFAULT false NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coalition_partners_party_check" CHECK (("coalition_partners"."organisation_id" IS NULL) <> ("coalition_partners"."external_name" IS NULL)),
	CONSTRAINT "coalition_partners_period_check" CHECK ("coalition_partners"."until" IS NULL OR "coalition_partners"."since" IS NULL OR "coalition_partners"."until" >= "coalition_partners"."since"),
	CONSTRAINT "coalition_partners_domain_check" CHECK ("coalition_partners"."domain" IN ('medical', 'social', 'informal', 'experts_by_experience', 'insurer', 'education', 'other')),
	CONSTRAINT "coalition_partners_level_check" CHECK ("coalition_partners"."level" IN ('bestuurlijk', 'beleidsmatig', 'uitvoerend'))
);
--> statement-breakpoint
CREATE TABLE "coalition_agreement_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" uuid,
	CONSTRAINT "coalition_agreement_documents_size_check" CHECK ("coalition_agreement_documents"."size_bytes" BETWEEN 1 AND 10485760 AND octet_length("coalition_agreement_documents"."content") = "coalition_agreement_documents"."size_bytes")
);
--> statement-breakpoint
CREATE TABLE "coalition_agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "coalition_agreement_parties_agreement_id_partner_id_pk" PRIMARY KEY("agreement_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "coalition_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"level" text,
	"status" text,
	"title" text,
	"agreed_on" date,
	"review_due" date,
	"no_agreement_reason" text,
	"idempotency_key" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coalition_agreements_kind_check" CHECK (("coalition_agreements"."no_agreement_reason" IS NULL AND "coalition_agreements"."status" IS NOT NULL AND "coalition_agreements"."level" IS NOT NULL) OR ("coalition_agreements"."no_agreement_reason" IS NOT NULL AND "coalition_agreements"."status" IS NULL)),
	CONSTRAINT "coalition_agreements_review_check" CHECK ("coalition_agreements"."review_due" IS NULL OR "coalition_agreements"."agreed_on" IS NULL OR "coalition_agreements"."review_due" >= "coalition_agreements"."agreed_on"),
	CONSTRAINT "coalition_agreements_topic_check" CHECK ("coalition_agreements"."topic" IN ('prenatal_home_visit', 'interventions', 'prenatal_education', 'preconception_health', 'experts_by_experience', 'signalling_and_referral', 'warm_handover', 'information_exchange', 'regional', 'other')),
	CONSTRAINT "coalition_agreements_level_check" CHECK ("coalition_agreements"."level" IS NULL OR "coalition_agreements"."level" IN ('uitvoering', 'organisatie', 'bestuur')),
	CONSTRAINT "coalition_agreements_status_check" CHECK ("coalition_agreements"."status" IS NULL OR "coalition_agreements"."status" IN ('in_development', 'agreed', 'under_review', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "coalition_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"based_on_version" integer,
	"content" jsonb NOT NULL,
	"approved_on" date,
	"approved_by" text,
	"approval_recorded_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coalition_plan_versions_number_unique" UNIQUE("coalition_id","version"),
	CONSTRAINT "coalition_plan_versions_status_check" CHECK ("coalition_plan_versions"."status" IN ('draft', 'approved')),
	CONSTRAINT "coalition_plan_versions_version_check" CHECK ("coalition_plan_versions"."version" >= 1),
	CONSTRAINT "coalition_plan_versions_approval_check" CHECK (("coalition_plan_versions"."status" = 'approved') = ("coalition_plan_versions"."approved_on" IS NOT NULL AND "coalition_plan_versions"."approved_by" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"origin_round_id" uuid,
	"origin_statement_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_actions_status_check" CHECK ("improvement_actions"."status" IN ('open', 'in_progress', 'done')),
	CONSTRAINT "improvement_actions_origin_check" CHECK (("improvement_actions"."origin_round_id" IS NULL) = ("improvement_actions"."origin_statement_key" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "analysis_answers" (
	"respondent_id" uuid NOT NULL,
	"statement_key" text NOT NULL,
	"score" smallint NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analysis_answers_respondent_id_statement_key_pk" PRIMARY KEY("respondent_id","statement_key"),
	CONSTRAINT "analysis_answers_score_check" CHECK ("analysis_answers"."score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "analysis_respondents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"email" text,
	"organisation_id" uuid,
	"token_hash" text,
	"invited_at" timestamp with time zone NOT NULL,
	"invited_by" uuid NOT NULL,
	CONSTRAINT "analysis_respondents_kind_check" CHECK (("analysis_respondents"."person_id" IS NULL) = ("analysis_respondents"."token_hash" IS NOT NULL AND "analysis_respondents"."email" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "analysis_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"title" text NOT NULL,
	"instrument_canonical" text NOT NULL,
	"anonymity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "analysis_rounds_anonymity_check" CHECK ("analysis_rounds"."anonymity" IN ('named', 'per_partner', 'anonymous')),
	CONSTRAINT "analysis_rounds_status_check" CHECK ("analysis_rounds"."status" IN ('open', 'closed')),
	CONSTRAINT "analysis_rounds_closed_check" CHECK (("analysis_rounds"."status" = 'closed') = ("analysis_rounds"."closed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "municipal_questionnaire_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"reference_date" date NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipal_questionnaire_editions_year_check" CHECK ("municipal_questionnaire_editions"."year" BETWEEN 2018 AND 2100),
	CONSTRAINT "municipal_questionnaire_editions_dates_check" CHECK ("municipal_questionnaire_editions"."opens_on" <= "municipal_questionnaire_editions"."deadline")
);
--> statement-breakpoint
CREATE TABLE "municipal_questionnaire_response_answers" (
	"response_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"value" jsonb NOT NULL,
	"origin" text NOT NULL,
	"source_label" text,
	"source_date" date,
	CONSTRAINT "municipal_questionnaire_response_answers_response_id_question_key_pk" PRIMARY KEY("response_id","question_key"),
	CONSTRAINT "municipal_questionnaire_response_answers_origin_check" CHECK ("municipal_questionnaire_response_answers"."origin" IN ('prefill', 'respondent'))
);
--> statement-breakpoint
CREATE TABLE "municipal_questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"state" text NOT NULL,
	"version" smallint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text,
	CONSTRAINT "municipal_questionnaire_responses_state_check" CHECK ("municipal_questionnaire_responses"."state" IN ('draft', 'submitted', 'reopened'))
);
--> statement-breakpoint
ALTER TABLE "coalition_funding" ADD CONSTRAINT "coalition_funding_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_funding" ADD CONSTRAINT "coalition_funding_mandate_holder_code_municipalities_code_fk" FOREIGN KEY ("mandate_holder_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_steering_members" ADD CONSTRAINT "coalition_steering_members_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_partners" ADD CONSTRAINT "coalition_partners_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_partners" ADD CONSTRAINT "coalition_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_documents" ADD CONSTRAINT "coalition_agreement_documents_agreement_id_coalition_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coalition_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_documents" ADD CONSTRAINT "coalition_agreement_documents_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_parties" ADD CONSTRAINT "coalition_agreement_parties_agreement_id_coalition_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coalition_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_parties" ADD CONSTRAINT "coalition_agreement_parties_partner_id_coalition_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."coalition_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreements" ADD CONSTRAINT "coalition_agreements_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_approval_recorded_by_people_id_fk" FOREIGN KEY ("approval_recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answers" ADD CONSTRAINT "analysis_answers_respondent_id_analysis_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."analysis_respondents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_round_id_analysis_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."analysis_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_invited_by_people_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_rounds" ADD CONSTRAINT "analysis_rounds_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_rounds" ADD CONSTRAINT "analysis_rounds_opened_by_people_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_rounds" ADD CONSTRAINT "analysis_rounds_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_editions" ADD CONSTRAINT "municipal_questionnaire_editions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_response_answers" ADD CONSTRAINT "municipal_questionnaire_response_answers_response_id_municipal_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."municipal_questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_edition_id_municipal_questionnaire_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."municipal_questionnaire_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_reopened_by_people_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coalition_funding_coalition_idx" ON "coalition_funding" USING btree ("coalition_id");--> statement-breakpoint
CREATE INDEX "coalition_steering_members_coalition_idx" ON "coalition_steering_members" USING btree ("coalition_id");--> statement-breakpoint
CREATE INDEX "coalition_partners_coalition_idx" ON "coalition_partners" USING btree ("coalition_id");--> statement-breakpoint
CREATE INDEX "coalition_agreement_documents_agreement_idx" ON "coalition_agreement_documents" USING btree ("agreement_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "coalition_agreements_coalition_idx" ON "coalition_agreements" USING btree ("coalition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_agreements_idempotency_idx" ON "coalition_agreements" USING btree ("coalition_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_agreements_no_agreement_idx" ON "coalition_agreements" USING btree ("coalition_id","topic") WHERE "coalition_agreements"."no_agreement_reason" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_plan_versions_one_draft_idx" ON "coalition_plan_versions" USING btree ("coalition_id") WHERE "coalition_plan_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "improvement_actions_coalition_idx" ON "improvement_actions" USING btree ("coalition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "improvement_actions_origin_idx" ON "improvement_actions" USING btree ("coalition_id","origin_round_id","origin_statement_key") WHERE "improvement_actions"."origin_round_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "analysis_respondents_round_idx" ON "analysis_respondents" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_respondents_person_idx" ON "analysis_respondents" USING btree ("round_id","person_id") WHERE "analysis_respondents"."person_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_respondents_email_idx" ON "analysis_respondents" USING btree ("round_id","email") WHERE "analysis_respondents"."email" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_respondents_token_idx" ON "analysis_respondents" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "analysis_rounds_coalition_idx" ON "analysis_rounds" USING btree ("coalition_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "municipal_questionnaire_editions_year_idx" ON "municipal_questionnaire_editions" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "municipal_questionnaire_responses_edition_municipality_idx" ON "municipal_questionnaire_responses" USING btree ("edition_id","municipality_code");--> statement-breakpoint
CREATE INDEX "municipal_questionnaire_responses_municipality_idx" ON "municipal_questionnaire_responses" USING btree ("municipality_code");