CREATE TABLE "municipality_coalition_statuses" (
	"municipality_code" text NOT NULL,
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "municipality_coalition_statuses_municipality_code_year_pk" PRIMARY KEY("municipality_code","year"),
	CONSTRAINT "municipality_coalition_statuses_status_check" CHECK ("municipality_coalition_statuses"."status" IN ('formed', 'in_development', 'none', 'not_answered')),
	CONSTRAINT "municipality_coalition_statuses_source_check" CHECK ("municipality_coalition_statuses"."source" IN ('register', 'questionnaire', 'synthetic')),
	CONSTRAINT "municipality_coalition_statuses_year_check" CHECK ("municipality_coalition_statuses"."year" BETWEEN 2018 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "coalition_municipalities" DROP CONSTRAINT "coalition_municipalities_coalition_id_coalitions_id_fk";
--> statement-breakpoint
DROP INDEX "coalition_municipalities_municipality_idx";--> statement-breakpoint
ALTER TABLE "coalition_municipalities" DROP CONSTRAINT "coalition_municipalities_coalition_id_municipality_code_pk";--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD COLUMN "kind" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD COLUMN "since" date DEFAULT CURRENT_DATE NOT NULL;--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD COLUMN "until" date;--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD CONSTRAINT "coalition_municipalities_coalition_id_municipality_code_since_pk" PRIMARY KEY("coalition_id","municipality_code","since");--> statement-breakpoint
ALTER TABLE "coalitions" ADD COLUMN "kind" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "coalitions" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "coalitions" ADD COLUMN "impulse_tranche" smallint;--> statement-breakpoint
ALTER TABLE "coalitions" ADD COLUMN "mandate_holder_code" text;--> statement-breakpoint
ALTER TABLE "coalitions" ADD CONSTRAINT "coalitions_id_kind_unique" UNIQUE("id","kind");--> statement-breakpoint
ALTER TABLE "municipality_coalition_statuses" ADD CONSTRAINT "municipality_coalition_statuses_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_coalition_statuses" ADD CONSTRAINT "municipality_coalition_statuses_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD CONSTRAINT "coalition_municipalities_coalition_id_kind_coalitions_id_kind_fk" FOREIGN KEY ("coalition_id","kind") REFERENCES "public"."coalitions"("id","kind") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "coalitions" ADD CONSTRAINT "coalitions_mandate_holder_code_municipalities_code_fk" FOREIGN KEY ("mandate_holder_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_municipalities_current_idx" ON "coalition_municipalities" USING btree ("municipality_code","kind") WHERE "coalition_municipalities"."until" IS NULL;--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD CONSTRAINT "coalition_municipalities_period_check" CHECK ("coalition_municipalities"."until" IS NULL OR "coalition_municipalities"."until" >= "coalition_municipalities"."since");--> statement-breakpoint
ALTER TABLE "coalitions" ADD CONSTRAINT "coalitions_kind_check" CHECK ("coalitions"."kind" IN ('local', 'regional'));--> statement-breakpoint
ALTER TABLE "coalitions" ADD CONSTRAINT "coalitions_impulse_tranche_check" CHECK ("coalitions"."impulse_tranche" IS NULL OR "coalitions"."impulse_tranche" BETWEEN 1 AND 4);