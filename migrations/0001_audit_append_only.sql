-- The audit log is append-only: no role, not even the application's own, may change or remove a row.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE INDEX people_name_search_idx ON people (lower(name));
--> statement-breakpoint
ALTER TABLE organisations ADD CONSTRAINT organisations_type_check CHECK (type IN ('verloskundigenpraktijk','ziekenhuis','huisartsenpraktijk','kraamzorg','jgz','ggd','sociaal_team','gemeente','ggz','verslavingszorg','schuldhulpverlening','welzijn','landelijk'));
--> statement-breakpoint
ALTER TABLE audit_log ADD CONSTRAINT audit_log_outcome_check CHECK (outcome IN ('success','denied','failure'));
