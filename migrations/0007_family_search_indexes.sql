DROP INDEX "care_relationships_family_idx";--> statement-breakpoint
CREATE INDEX "care_relationships_access_idx" ON "care_relationships" USING btree ("family_id","organisation_id","basis","ended_at","legal_ground","consent_id");--> statement-breakpoint
CREATE INDEX "family_members_birth_date_idx" ON "family_members" USING btree ("birth_date");