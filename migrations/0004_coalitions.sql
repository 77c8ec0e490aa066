CREATE TABLE "coalition_municipalities" (
	"coalition_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "coalition_municipalities_coalition_id_municipality_code_pk" PRIMARY KEY("coalition_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "coalitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coalitions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD CONSTRAINT "coalition_municipalities_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coalition_municipalities" ADD CONSTRAINT "coalition_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coalition_municipalities_municipality_idx" ON "coalition_municipalities" USING btree ("municipality_code");