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
ALTER TABLE "coalition_funding" ADD CONSTRAINT "coalition_funding_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_funding" ADD CONSTRAINT "coalition_funding_mandate_holder_code_municipalities_code_fk" FOREIGN KEY ("mandate_holder_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_steering_members" ADD CONSTRAINT "coalition_steering_members_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coalition_funding_coalition_idx" ON "coalition_funding" USING btree ("coalition_id");--> statement-breakpoint
CREATE INDEX "coalition_steering_members_coalition_idx" ON "coalition_steering_members" USING btree ("coalition_id");