-- Row-level security for the job runner's tables (enable_tenant_isolation is defined in 0001).
SELECT enable_tenant_isolation('outbox_events');
--> statement-breakpoint
SELECT enable_tenant_isolation('job_runs');
--> statement-breakpoint
-- Events are facts: tenant code appends them and never rewrites or deletes them.
REVOKE UPDATE, DELETE ON outbox_events FROM app_user;
--> statement-breakpoint
-- The outbox dispatcher is kernel code on the owner connection that reads the pending events of
-- every tenant (as the API-key lookup reads api_keys). FORCE ROW LEVEL SECURITY binds the owner
-- too unless it is a superuser, so the owner (the role that runs the migrations and the jobs) gets
-- its own policy on this one table. app_user, which every tenant transaction runs as, is not named.
CREATE POLICY outbox_dispatcher ON outbox_events TO CURRENT_USER USING (true) WITH CHECK (true);
