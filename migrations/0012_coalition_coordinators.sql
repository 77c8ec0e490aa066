CREATE TABLE "coalition_coordinators" (
	"coalition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	CONSTRAINT "coalition_coordinators_coalition_id_person_id_pk" PRIMARY KEY("coalition_id","person_id"),
	CONSTRAINT "coalition_coordinators_role_check" CHECK ("coalition_coordinators"."role" IN ('coordinator', 'deputy')),
	CONSTRAINT "coalition_coordinators_period_check" CHECK ("coalition_coordinators"."until" IS NULL OR "coalition_coordinators"."until" >= "coalition_coordinators"."since")
);
--> statement-breakpoint
ALTER TABLE "coalition_coordinators" ADD CONSTRAINT "coalition_coordinators_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_coordinators" ADD CONSTRAINT "coalition_coordinators_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coalition_coordinators_person_idx" ON "coalition_coordinators" USING btree ("person_id");