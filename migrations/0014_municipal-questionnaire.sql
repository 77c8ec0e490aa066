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
ALTER TABLE "municipal_questionnaire_editions" ADD CONSTRAINT "municipal_questionnaire_editions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_response_answers" ADD CONSTRAINT "municipal_questionnaire_response_answers_response_id_municipal_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."municipal_questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_edition_id_municipal_questionnaire_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."municipal_questionnaire_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_responses" ADD CONSTRAINT "municipal_questionnaire_responses_reopened_by_people_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "municipal_questionnaire_editions_year_idx" ON "municipal_questionnaire_editions" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "municipal_questionnaire_responses_edition_municipality_idx" ON "municipal_questionnaire_responses" USING btree ("edition_id","municipality_code");--> statement-breakpoint
CREATE INDEX "municipal_questionnaire_responses_municipality_idx" ON "municipal_questionnaire_responses" USING btree ("municipality_code");