CREATE TABLE "parent_pages" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"reviewed_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" text NOT NULL,
	"receiver_organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"contact_by" text NOT NULL,
	"contact_moments" text[] DEFAULT '{}' NOT NULL,
	"language" text NOT NULL,
	"no_messages" boolean DEFAULT false NOT NULL,
	"only_at_moments" boolean DEFAULT false NOT NULL,
	"consent_given_by" text NOT NULL,
	"consent_version" text NOT NULL,
	"consent_given_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "self_registrations_consent_check" CHECK ("self_registrations"."consent_given_by" = 'client'),
	CONSTRAINT "self_registrations_contact_check" CHECK (("self_registrations"."contact_by" = 'phone' AND "self_registrations"."phone" IS NOT NULL) OR ("self_registrations"."contact_by" = 'email' AND "self_registrations"."email" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "parent_pages" ADD CONSTRAINT "parent_pages_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_registrations" ADD CONSTRAINT "self_registrations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_registrations" ADD CONSTRAINT "self_registrations_receiver_organisation_id_organisations_id_fk" FOREIGN KEY ("receiver_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "self_registrations_idempotency_idx" ON "self_registrations" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "self_registrations_receiver_idx" ON "self_registrations" USING btree ("receiver_organisation_id","created_at");