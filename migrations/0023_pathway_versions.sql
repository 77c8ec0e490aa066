DROP INDEX "care_pathways_scope_factor_unique";--> statement-breakpoint
ALTER TABLE "care_pathways" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "care_pathways" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "care_pathways" ADD COLUMN "owner_code" text;--> statement-breakpoint
ALTER TABLE "care_pathways" ADD COLUMN "review_due" date;--> statement-breakpoint
ALTER TABLE "care_pathways" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "care_pathways" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "care_pathways" ADD COLUMN "replaced_by_version" integer;--> statement-breakpoint
-- Every existing pathway becomes its published version 1, kept by its own scope; the content's own
-- version number follows the row.
UPDATE "care_pathways" SET "owner_code" = "scope_code", "published_at" = "updated_at", "content" = jsonb_set("content", '{version}', '1');--> statement-breakpoint
ALTER TABLE "care_pathways" ALTER COLUMN "owner_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "care_pathways" ADD CONSTRAINT "care_pathways_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "care_pathways_scope_factor_version_unique" ON "care_pathways" USING btree ("scope_kind","scope_code","factor_key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "care_pathways_one_published" ON "care_pathways" USING btree ("scope_kind","scope_code","factor_key") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "care_pathways_one_draft" ON "care_pathways" USING btree ("scope_kind","scope_code","factor_key") WHERE status = 'draft';
