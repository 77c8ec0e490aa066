CREATE TABLE "directory_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"external_provider_name" text,
	"name" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"factor_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"municipality_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"intake_routes" jsonb NOT NULL,
	"eligibility" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cost" text NOT NULL,
	"cost_note" text,
	"phone" text,
	"email" text,
	"website" text,
	"opening_hours" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_confirmed_at" timestamp with time zone NOT NULL,
	"last_confirmed_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_services" ADD CONSTRAINT "directory_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_services" ADD CONSTRAINT "directory_services_last_confirmed_by_id_people_id_fk" FOREIGN KEY ("last_confirmed_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_services_organisation_idx" ON "directory_services" USING btree ("organisation_id","last_confirmed_at");--> statement-breakpoint
CREATE INDEX "directory_services_municipalities_idx" ON "directory_services" USING gin ("municipality_codes");