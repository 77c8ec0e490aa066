ALTER TABLE "organisations" ADD COLUMN "agb_code" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "ura_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_agb_code_unique" ON "organisations" USING btree ("agb_code");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_ura_code_unique" ON "organisations" USING btree ("ura_code");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_agb_code_format" CHECK ("organisations"."agb_code" ~ '^[0-9]{8}$');--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_ura_code_format" CHECK ("organisations"."ura_code" ~ '^[0-9]{8}$');