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
ALTER TABLE "analysis_answers" ADD CONSTRAINT "analysis_answers_respondent_id_analysis_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."analysis_respondents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_round_id_analysis_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."analysis_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_respondents" ADD CONSTRAINT "analysis_respondents_invited_by_people_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_rounds" ADD CONSTRAINT "analysis_rounds_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_rounds" ADD CONSTRAINT "analysis_rounds_opened_by_people_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_rounds" ADD CONSTRAINT "analysis_rounds_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_respondents_round_idx" ON "analysis_respondents" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_respondents_person_idx" ON "analysis_respondents" USING btree ("round_id","person_id") WHERE "analysis_respondents"."person_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_respondents_email_idx" ON "analysis_respondents" USING btree ("round_id","email") WHERE "analysis_respondents"."email" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_respondents_token_idx" ON "analysis_respondents" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "analysis_rounds_coalition_idx" ON "analysis_rounds" USING btree ("coalition_id","opened_at");