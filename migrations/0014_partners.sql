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
ALTER TABLE "coalition_partners" ADD CONSTRAINT "coalition_partners_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_partners" ADD CONSTRAINT "coalition_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_documents" ADD CONSTRAINT "coalition_agreement_documents_agreement_id_coalition_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coalition_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_documents" ADD CONSTRAINT "coalition_agreement_documents_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_parties" ADD CONSTRAINT "coalition_agreement_parties_agreement_id_coalition_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."coalition_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreement_parties" ADD CONSTRAINT "coalition_agreement_parties_partner_id_coalition_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."coalition_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_agreements" ADD CONSTRAINT "coalition_agreements_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coalition_partners_coalition_idx" ON "coalition_partners" USING btree ("coalition_id");--> statement-breakpoint
CREATE INDEX "coalition_agreement_documents_agreement_idx" ON "coalition_agreement_documents" USING btree ("agreement_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "coalition_agreements_coalition_idx" ON "coalition_agreements" USING btree ("coalition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_agreements_idempotency_idx" ON "coalition_agreements" USING btree ("coalition_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_agreements_no_agreement_idx" ON "coalition_agreements" USING btree ("coalition_id","topic") WHERE "coalition_agreements"."no_agreement_reason" IS NOT NULL;