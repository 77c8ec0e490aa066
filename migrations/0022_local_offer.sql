CREATE TABLE "local_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"municipality_code" text,
	"intervention_key" text,
	"activity_name" text,
	"service_id" uuid NOT NULL,
	"capacity_per_year" integer,
	"waiting_weeks" integer,
	"funding_route" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"note" text,
	"idempotency_key" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "local_offers_kind_check" CHECK (("local_offers"."intervention_key" IS NULL) <> ("local_offers"."activity_name" IS NULL)),
	CONSTRAINT "local_offers_period_check" CHECK ("local_offers"."until" IS NULL OR "local_offers"."until" >= "local_offers"."since"),
	CONSTRAINT "local_offers_numbers_check" CHECK (coalesce("local_offers"."capacity_per_year", 0) >= 0 AND coalesce("local_offers"."waiting_weeks", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "local_offers" ADD CONSTRAINT "local_offers_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_offers" ADD CONSTRAINT "local_offers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_offers" ADD CONSTRAINT "local_offers_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_offers_coalition_idx" ON "local_offers" USING btree ("coalition_id");--> statement-breakpoint
CREATE INDEX "local_offers_intervention_idx" ON "local_offers" USING btree ("intervention_key");--> statement-breakpoint
CREATE UNIQUE INDEX "local_offers_idempotency_idx" ON "local_offers" USING btree ("coalition_id","idempotency_key");