CREATE TABLE "award_lots" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"lot_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"candidates" jsonb NOT NULL,
	"out" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tie_choice" uuid,
	"published_at" timestamp with time zone,
	"objection_until" timestamp with time zone,
	"award_bid_id" uuid,
	"award_bidder_org_id" uuid,
	"award_amount" numeric(17, 2),
	"awarded_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "award_lots_tender_id_lot_key_pk" PRIMARY KEY("tender_id","lot_key")
);
--> statement-breakpoint
ALTER TABLE "award_lots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "bid_results" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"bidder_org_id" uuid NOT NULL,
	"lot_key" text NOT NULL,
	"outcome" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bid_results_tender_id_bidder_org_id_lot_key_pk" PRIMARY KEY("tender_id","bidder_org_id","lot_key")
);
--> statement-breakpoint
ALTER TABLE "bid_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"chair" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"field" text,
	"status" text DEFAULT 'active' NOT NULL,
	"declaration" jsonb,
	"declared_at" timestamp with time zone,
	"replaced_reason" text,
	"replaced_at" timestamp with time zone,
	"sheets_submitted_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"dissent" text,
	"joined_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"lot_key" text NOT NULL,
	"supplier_id" uuid,
	"supplier_org_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"number" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(17, 2) NOT NULL,
	"terms" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contracts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "evaluations" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"phase" text DEFAULT 'committee' NOT NULL,
	"min_members" integer DEFAULT 0 NOT NULL,
	"draws" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bidders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criteria_hash" text,
	"result" jsonb,
	"report" jsonb,
	"report_sha256" text,
	"convened_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "experts" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"fields" text[] NOT NULL,
	"title" text NOT NULL,
	"years" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "experts_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "experts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"objector_org_id" uuid NOT NULL,
	"grounds" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "objections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "score_sheets" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"criteria_hash" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "score_sheets_tender_id_user_id_bid_id_pk" PRIMARY KEY("tender_id","user_id","bid_id")
);
--> statement-breakpoint
ALTER TABLE "score_sheets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "screening_results" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"requirement_key" text NOT NULL,
	"passed" boolean NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_results_tender_id_bid_id_requirement_key_pk" PRIMARY KEY("tender_id","bid_id","requirement_key")
);
--> statement-breakpoint
ALTER TABLE "screening_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "award_lots" ADD CONSTRAINT "award_lots_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_lots" ADD CONSTRAINT "award_lots_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_results" ADD CONSTRAINT "bid_results_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_results" ADD CONSTRAINT "bid_results_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_results" ADD CONSTRAINT "bid_results_bidder_org_id_organization_id_fk" FOREIGN KEY ("bidder_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_org_id_organization_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_objector_org_id_organization_id_fk" FOREIGN KEY ("objector_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_answered_by_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_members_tender_user_uq" ON "committee_members" USING btree ("tender_id","user_id");--> statement-breakpoint
CREATE INDEX "committee_members_user_idx" ON "committee_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_tender_lot_uq" ON "contracts" USING btree ("tender_id","lot_key");--> statement-breakpoint
CREATE INDEX "contracts_org_idx" ON "contracts" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "objections_tender_idx" ON "objections" USING btree ("organization_id","tender_id","filed_at");--> statement-breakpoint
-- What the signed-in user is on a tender's evaluation committee, for the
-- policies (a policy of committee_members cannot read committee_members itself
-- without recursing): 'declared' (active, declared no conflict: may see the
-- bids), 'active' (not declared yet), 'former' (conflicted or replaced), or null.
CREATE FUNCTION committee_role(p_tender uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    select case when m.status = 'active' and m.declared_at is not null then 'declared'
                when m.status = 'active' then 'active' else 'former' end
    from committee_members m
    where m.tender_id = p_tender and m.user_id = nullif(current_setting('app.user_id', true), '')::uuid
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION committee_role(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION committee_role(uuid) TO procura_app;--> statement-breakpoint
-- "Not after": a screening result is written only while the evaluation screens,
-- a score sheet only while it scores and before its member submitted. The
-- evaluation row is read FOR SHARE, so a close (which updates it) waits for the
-- writes in flight, and a write after the close sees it closed.
CREATE FUNCTION evaluation_phase_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  p text;
BEGIN
  SELECT phase INTO p FROM evaluations WHERE tender_id = NEW.tender_id FOR SHARE;
  IF p IS DISTINCT FROM TG_ARGV[0] THEN
    RAISE EXCEPTION 'the evaluation is not in phase % (it is %)', TG_ARGV[0], coalesce(p, 'none') USING ERRCODE = 'P0001', HINT = 'evaluation_phase';
  END IF;
  IF TG_TABLE_NAME = 'score_sheets' THEN
    IF EXISTS (SELECT 1 FROM committee_members m WHERE m.tender_id = NEW.tender_id AND m.user_id = NEW.user_id AND m.sheets_submitted_at IS NOT NULL) THEN
      RAISE EXCEPTION 'the member submitted their sheets already' USING ERRCODE = 'P0001', HINT = 'sheets_submitted';
    END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER screening_results_phase BEFORE INSERT OR UPDATE ON screening_results FOR EACH ROW EXECUTE FUNCTION evaluation_phase_guard('screening');--> statement-breakpoint
CREATE TRIGGER score_sheets_phase BEFORE INSERT OR UPDATE ON score_sheets FOR EACH ROW EXECUTE FUNCTION evaluation_phase_guard('scoring');--> statement-breakpoint
-- "Not after": an objection is filed only while some lot's candidates are
-- within their publication window. The award locks the lots FOR UPDATE; an
-- objection in flight holds them FOR SHARE, so the award waits for it and then
-- counts it (an objection suspends the award until answered).
CREATE FUNCTION objection_window_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM 1 FROM award_lots WHERE tender_id = NEW.tender_id FOR SHARE;
  IF NOT EXISTS (SELECT 1 FROM award_lots WHERE tender_id = NEW.tender_id AND status = 'publicized' AND objection_until > NEW.filed_at) THEN
    RAISE EXCEPTION 'the objection window is closed' USING ERRCODE = 'P0001', HINT = 'objection_window';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER objections_window BEFORE INSERT ON objections FOR EACH ROW EXECUTE FUNCTION objection_window_guard();--> statement-breakpoint
CREATE POLICY "audit_chain_committee_append" ON "audit_chain" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (actor_id = nullif(current_setting('app.user_id', true), '')::uuid and tender_id is not null and exists (select 1 from committee_members m where m.tender_id = audit_chain.tender_id and m.organization_id = audit_chain.organization_id and m.user_id = nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "audit_heads_committee" ON "audit_heads" AS PERMISSIVE FOR ALL TO "procura_app" USING (exists (select 1 from committee_members m where m.organization_id = audit_heads.organization_id and m.user_id = nullif(current_setting('app.user_id', true), '')::uuid)) WITH CHECK (exists (select 1 from committee_members m where m.organization_id = audit_heads.organization_id and m.user_id = nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "bid_openings_committee_read" ON "bid_openings" AS PERMISSIVE FOR SELECT TO "procura_app" USING (committee_role(tender_id) = 'declared');--> statement-breakpoint
CREATE POLICY "tenders_committee_read" ON "tenders" AS PERMISSIVE FOR SELECT TO "procura_app" USING (committee_role(id) in ('active', 'declared'));--> statement-breakpoint
CREATE POLICY "award_lots_tenant_isolation" ON "award_lots" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "award_lots_bidder_read" ON "award_lots" AS PERMISSIVE FOR SELECT TO "procura_app" USING (published_at is not null and exists (select 1 from bids b where b.tender_id = award_lots.tender_id and b.organization_id = nullif(current_setting('app.org_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "bid_results_tenant_isolation" ON "bid_results" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "bid_results_bidder_read" ON "bid_results" AS PERMISSIVE FOR SELECT TO "procura_app" USING (bidder_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "committee_members_tenant_isolation" ON "committee_members" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "committee_members_committee_read" ON "committee_members" AS PERMISSIVE FOR SELECT TO "procura_app" USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid or committee_role(tender_id) in ('active', 'declared'));--> statement-breakpoint
CREATE POLICY "committee_members_self_update" ON "committee_members" AS PERMISSIVE FOR UPDATE TO "procura_app" USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "contracts_tenant_isolation" ON "contracts" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "evaluations_tenant_isolation" ON "evaluations" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "evaluations_committee_read" ON "evaluations" AS PERMISSIVE FOR SELECT TO "procura_app" USING (committee_role(tender_id) in ('active', 'declared'));--> statement-breakpoint
CREATE POLICY "evaluations_committee_update" ON "evaluations" AS PERMISSIVE FOR UPDATE TO "procura_app" USING (committee_role(tender_id) = 'declared') WITH CHECK (committee_role(tender_id) = 'declared');--> statement-breakpoint
CREATE POLICY "experts_tenant_isolation" ON "experts" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "experts_self_read" ON "experts" AS PERMISSIVE FOR SELECT TO "procura_app" USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "objections_tenant_isolation" ON "objections" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "objections_objector_read" ON "objections" AS PERMISSIVE FOR SELECT TO "procura_app" USING (objector_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "objections_objector_write" ON "objections" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (objector_org_id = nullif(current_setting('app.org_id', true), '')::uuid and answer is null and exists (select 1 from tenders t where t.id = objections.tender_id and t.organization_id = objections.organization_id) and exists (select 1 from bids b where b.tender_id = objections.tender_id and b.organization_id = nullif(current_setting('app.org_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "score_sheets_tenant_isolation" ON "score_sheets" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "score_sheets_committee_read" ON "score_sheets" AS PERMISSIVE FOR SELECT TO "procura_app" USING (committee_role(tender_id) = 'declared');--> statement-breakpoint
CREATE POLICY "score_sheets_member_write" ON "score_sheets" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid and committee_role(tender_id) = 'declared' and exists (select 1 from tenders t where t.id = score_sheets.tender_id and t.organization_id = score_sheets.organization_id));--> statement-breakpoint
CREATE POLICY "score_sheets_member_update" ON "score_sheets" AS PERMISSIVE FOR UPDATE TO "procura_app" USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid and committee_role(tender_id) = 'declared') WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "screening_results_tenant_isolation" ON "screening_results" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "screening_results_committee" ON "screening_results" AS PERMISSIVE FOR ALL TO "procura_app" USING (committee_role(tender_id) = 'declared') WITH CHECK (committee_role(tender_id) = 'declared' and exists (select 1 from tenders t where t.id = screening_results.tender_id and t.organization_id = screening_results.organization_id));