-- Tenant isolation, layer 2 and 3: row-level security that fails closed, for a role that owns nothing.
-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY, so this part is written by hand.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
    CREATE ROLE app_user NOLOGIN;
  END IF;
-- Roles are cluster-wide: two databases migrating at once may race to create it.
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
-- PostgreSQL 15 requires membership before SET ROLE.
GRANT app_user TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_user;
--> statement-breakpoint
-- Every tenant table calls this: rights for app_user, RLS enabled and forced, one policy.
-- The NULLIF matters: after a transaction the setting reads '' and ''::uuid would throw.
CREATE OR REPLACE FUNCTION enable_tenant_isolation(target regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO app_user', target);
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
    'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)',
    target);
END
$$;
--> statement-breakpoint
SELECT enable_tenant_isolation('stored_files');
--> statement-breakpoint
SELECT enable_tenant_isolation('audit_events');
--> statement-breakpoint
SELECT enable_tenant_isolation('company_profiles');
--> statement-breakpoint
-- The audit log is append-only, for every role including the owner.
REVOKE UPDATE, DELETE ON audit_events FROM app_user;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reject_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION reject_audit_change();
--> statement-breakpoint
-- Kernel tables the tenant role may read inside a tenant transaction (it filters by tenant itself).
GRANT SELECT ON tenants TO app_user;
