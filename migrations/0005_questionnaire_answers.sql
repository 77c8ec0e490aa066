CREATE TABLE "monitor_data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "monitor_data_version_single_row" CHECK ("monitor_data_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "municipal_questionnaire_answers" (
	"municipality_code" text NOT NULL,
	"year" smallint NOT NULL,
	"question_key" text NOT NULL,
	"answer" boolean NOT NULL,
	"source" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipal_questionnaire_answers_municipality_code_year_question_key_pk" PRIMARY KEY("municipality_code","year","question_key"),
	CONSTRAINT "municipal_questionnaire_answers_source_check" CHECK ("municipal_questionnaire_answers"."source" IN ('synthetic', 'questionnaire'))
);
--> statement-breakpoint
ALTER TABLE "municipal_questionnaire_answers" ADD CONSTRAINT "municipal_questionnaire_answers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "monitor_data_version" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
-- Every statement that changes what the monitor publishes from raises the data version in the same
-- transaction: the API's cache of published tables checks it with one primary-key read.
CREATE OR REPLACE FUNCTION monitor_data_version_bump() RETURNS trigger AS $$
BEGIN
  UPDATE monitor_data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER indicator_counts_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_counts
  FOR EACH STATEMENT EXECUTE FUNCTION monitor_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER municipalities_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION monitor_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER ggd_regions_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ggd_regions
  FOR EACH STATEMENT EXECUTE FUNCTION monitor_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER provinces_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provinces
  FOR EACH STATEMENT EXECUTE FUNCTION monitor_data_version_bump();
--> statement-breakpoint
-- Coalitions are areas of the monitor too (membership decides the coalition totals).
CREATE TRIGGER coalitions_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coalitions
  FOR EACH STATEMENT EXECUTE FUNCTION monitor_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER coalition_municipalities_bump_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coalition_municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION monitor_data_version_bump();
