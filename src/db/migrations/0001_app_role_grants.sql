-- The application role (procura_app, created by src/db/bootstrap.ts before
-- migrations run) is not a superuser, owns no table and so is subject to the
-- row-level security policies on every tenant table.
GRANT USAGE ON SCHEMA public TO procura_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO procura_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO procura_app;--> statement-breakpoint
-- The activity log is append-only for the application.
REVOKE UPDATE, DELETE ON "activities" FROM procura_app;--> statement-breakpoint
-- Tables added by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO procura_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO procura_app;
