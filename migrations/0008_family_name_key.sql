ALTER TABLE "family_members" ADD COLUMN "family_name_key" text;--> statement-breakpoint
CREATE INDEX "family_members_family_name_key_idx" ON "family_members" USING btree ("family_name_key" text_pattern_ops);--> statement-breakpoint
-- Rows from before this column: the main part of the family name, approximately (accents are kept;
-- new and changed rows get the exact key from the application).
UPDATE "family_members" SET "family_name_key" = trim(regexp_replace(lower(regexp_replace("family_name", '[^[:alnum:]]+', ' ', 'g')), '^((van|de|der|den|het|t|ter|ten|te|in|op|aan|uit|la|le|du|da|di|el|al|von|zu|vd|v) )+', '')) WHERE "family_name_key" IS NULL;
