-- Terms versions are public to every tenant; acceptances are tenant data.
GRANT SELECT ON terms_versions TO app_user;
--> statement-breakpoint
SELECT enable_tenant_isolation('terms_acceptances');
