CREATE TABLE "coalition_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"based_on_version" integer,
	"content" jsonb NOT NULL,
	"approved_on" date,
	"approved_by" text,
	"approval_recorded_by" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coalition_plan_versions_number_unique" UNIQUE("coalition_id","version"),
	CONSTRAINT "coalition_plan_versions_status_check" CHECK ("coalition_plan_versions"."status" IN ('draft', 'approved')),
	CONSTRAINT "coalition_plan_versions_version_check" CHECK ("coalition_plan_versions"."version" >= 1),
	CONSTRAINT "coalition_plan_versions_approval_check" CHECK (("coalition_plan_versions"."status" = 'approved') = ("coalition_plan_versions"."approved_on" IS NOT NULL AND "coalition_plan_versions"."approved_by" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"coalition_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"origin_round_id" uuid,
	"origin_statement_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_actions_status_check" CHECK ("improvement_actions"."status" IN ('open', 'in_progress', 'done')),
	CONSTRAINT "improvement_actions_origin_check" CHECK (("improvement_actions"."origin_round_id" IS NULL) = ("improvement_actions"."origin_statement_key" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_approval_recorded_by_people_id_fk" FOREIGN KEY ("approval_recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_plan_versions" ADD CONSTRAINT "coalition_plan_versions_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_plan_versions_one_draft_idx" ON "coalition_plan_versions" USING btree ("coalition_id") WHERE "coalition_plan_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "improvement_actions_coalition_idx" ON "improvement_actions" USING btree ("coalition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "improvement_actions_origin_idx" ON "improvement_actions" USING btree ("coalition_id","origin_round_id","origin_statement_key") WHERE "improvement_actions"."origin_round_id" IS NOT NULL;