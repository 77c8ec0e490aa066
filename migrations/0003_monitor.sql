CREATE TABLE "birth_register" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_key" text NOT NULL,
	"is_synthetic" boolean NOT NULL,
	"municipality_code" text NOT NULL,
	"birth_year" smallint NOT NULL,
	"is_vulnerable" boolean NOT NULL,
	"gestational_age_days" smallint NOT NULL,
	"birth_weight_grams" smallint NOT NULL,
	"sex" text NOT NULL,
	"is_live_born" boolean NOT NULL,
	"is_multiple" boolean NOT NULL,
	"is_preterm" boolean NOT NULL,
	"is_small_for_gestational_age" boolean NOT NULL,
	"first_antenatal_visit_day" smallint,
	"had_kraamzorg" boolean,
	"parent_count" smallint NOT NULL,
	"parents_with_problematic_debt" smallint NOT NULL,
	"has_negative_speech_language_score" boolean,
	"is_overweight_at_two" boolean,
	"was_placed_out_of_home_before_two" boolean,
	CONSTRAINT "birth_register_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
CREATE TABLE "indicator_counts" (
	"indicator_key" text NOT NULL,
	"area_level" text NOT NULL,
	"area_code" text NOT NULL,
	"year" smallint NOT NULL,
	"split" text NOT NULL,
	"source" text NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer NOT NULL,
	"is_synthetic" boolean DEFAULT false NOT NULL,
	"import_id" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_counts_indicator_key_area_level_area_code_year_split_source_pk" PRIMARY KEY("indicator_key","area_level","area_code","year","split","source")
);
--> statement-breakpoint
CREATE TABLE "monitor_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"row_count" integer NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_imports_content_hash_unique" UNIQUE("content_hash")
);
--> statement-breakpoint
ALTER TABLE "birth_register" ADD CONSTRAINT "birth_register_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_counts" ADD CONSTRAINT "indicator_counts_import_id_monitor_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."monitor_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_imports" ADD CONSTRAINT "monitor_imports_imported_by_people_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "birth_register_year_municipality_idx" ON "birth_register" USING btree ("birth_year","municipality_code");--> statement-breakpoint
CREATE INDEX "indicator_counts_area_idx" ON "indicator_counts" USING btree ("area_level","area_code");