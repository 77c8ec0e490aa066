CREATE TABLE "child_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_by_id" uuid,
	"set_by_organisation_id" uuid,
	"set_at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "child_closures" ADD CONSTRAINT "child_closures_child_id_family_members_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."family_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_closures" ADD CONSTRAINT "child_closures_set_by_id_people_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_closures" ADD CONSTRAINT "child_closures_set_by_organisation_id_organisations_id_fk" FOREIGN KEY ("set_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_closures" ADD CONSTRAINT "child_closures_lifted_by_id_people_id_fk" FOREIGN KEY ("lifted_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_closures_child_idx" ON "child_closures" USING btree ("child_id");