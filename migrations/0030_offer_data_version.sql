CREATE TABLE "offer_data_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "offer_data_version_single_row" CHECK ("offer_data_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "offer_data_version" ("id", "version") VALUES (1, 1);
--> statement-breakpoint
-- Every statement that changes what the coverage matrix is judged from raises the version in the same
-- transaction: the matrix's cache of judged pathways checks it with one primary-key read.
CREATE OR REPLACE FUNCTION offer_data_version_bump() RETURNS trigger AS $$
BEGIN
  UPDATE offer_data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER care_pathways_bump_offer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON care_pathways
  FOR EACH STATEMENT EXECUTE FUNCTION offer_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER directory_services_bump_offer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_services
  FOR EACH STATEMENT EXECUTE FUNCTION offer_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER coalitions_bump_offer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coalitions
  FOR EACH STATEMENT EXECUTE FUNCTION offer_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER coalition_municipalities_bump_offer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coalition_municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION offer_data_version_bump();
--> statement-breakpoint
CREATE TRIGGER municipalities_bump_offer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION offer_data_version_bump();
