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
	"compliance" jsonb,
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
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_OP = 'UPDATE' AND (NEW.tender_id <> OLD.tender_id OR NEW.organization_id <> OLD.organization_id OR NEW.bid_id <> OLD.bid_id) THEN
    RAISE EXCEPTION 'a row of the evaluation does not move to another tender, organization or bid' USING ERRCODE = 'P0001', HINT = 'evaluation_immutable';
  END IF;
  SELECT phase INTO p FROM evaluations WHERE tender_id = r.tender_id FOR SHARE;
  IF p IS DISTINCT FROM TG_ARGV[0] THEN
    RAISE EXCEPTION 'the evaluation is not in phase %', TG_ARGV[0] USING ERRCODE = 'P0001', HINT = 'evaluation_phase';
  END IF;
  IF TG_TABLE_NAME = 'score_sheets' THEN
    IF TG_OP = 'UPDATE' AND NEW.user_id <> OLD.user_id THEN
      RAISE EXCEPTION 'a sheet stays its member''s' USING ERRCODE = 'P0001', HINT = 'evaluation_immutable';
    END IF;
    -- The member's seat, locked against a submission in flight (which locks it for update).
    IF EXISTS (SELECT 1 FROM committee_members m WHERE m.tender_id = r.tender_id AND m.user_id = r.user_id AND m.sheets_submitted_at IS NOT NULL FOR SHARE) THEN
      RAISE EXCEPTION 'the member submitted their sheets already' USING ERRCODE = 'P0001', HINT = 'sheets_submitted';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER screening_results_phase BEFORE INSERT OR UPDATE OR DELETE ON screening_results FOR EACH ROW EXECUTE FUNCTION evaluation_phase_guard('screening');--> statement-breakpoint
CREATE TRIGGER score_sheets_phase BEFORE INSERT OR UPDATE OR DELETE ON score_sheets FOR EACH ROW EXECUTE FUNCTION evaluation_phase_guard('scoring');--> statement-breakpoint
-- "Not after": an objection is filed only while some lot's candidates are
-- within their publication window. The award locks the lots FOR UPDATE; an
-- objection in flight holds them FOR SHARE, so the award waits for it and then
-- counts it (an objection suspends the award until answered).
CREATE FUNCTION objection_window_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM 1 FROM award_lots WHERE tender_id = NEW.tender_id ORDER BY lot_key FOR SHARE;
  IF NOT EXISTS (SELECT 1 FROM award_lots WHERE tender_id = NEW.tender_id AND status = 'publicized' AND objection_until > NEW.filed_at) THEN
    RAISE EXCEPTION 'the objection window is closed' USING ERRCODE = 'P0001', HINT = 'objection_window';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER objections_window BEFORE INSERT ON objections FOR EACH ROW EXECUTE FUNCTION objection_window_guard();--> statement-breakpoint
-- Whether the signed-in member may read the other members' sheets: once their
-- own are submitted, or once scoring has closed.
CREATE FUNCTION may_read_sheets(p_tender uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    select exists (select 1 from committee_members m where m.tender_id = p_tender and m.status = 'active'
                   and m.user_id = nullif(current_setting('app.user_id', true), '')::uuid and m.sheets_submitted_at is not null)
        or exists (select 1 from evaluations e where e.tender_id = p_tender and e.phase not in ('committee', 'screening', 'scoring'))
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION may_read_sheets(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION may_read_sheets(uuid) TO procura_app;--> statement-breakpoint
-- A committee seat: what never changes, and what changes only once. A member
-- from outside the buyer (updating their own seat) may only declare (once;
-- a conflict takes them out), submit their sheets (once) and sign (once).
CREATE FUNCTION committee_member_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  outside boolean := OLD.organization_id IS DISTINCT FROM nullif(current_setting('app.org_id', true), '')::uuid;
BEGIN
  IF NEW.organization_id <> OLD.organization_id OR NEW.tender_id <> OLD.tender_id OR NEW.user_id <> OLD.user_id OR NEW.kind <> OLD.kind
     OR NEW.source <> OLD.source OR NEW.field IS DISTINCT FROM OLD.field OR NEW.joined_at <> OLD.joined_at THEN
    RAISE EXCEPTION 'a committee seat does not change hands' USING ERRCODE = 'P0001', HINT = 'seat_immutable';
  END IF;
  IF (OLD.declared_at IS NOT NULL AND (NEW.declared_at IS DISTINCT FROM OLD.declared_at OR NEW.declaration IS DISTINCT FROM OLD.declaration))
     OR (OLD.sheets_submitted_at IS NOT NULL AND NEW.sheets_submitted_at IS DISTINCT FROM OLD.sheets_submitted_at)
     OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS DISTINCT FROM OLD.signed_at OR NEW.dissent IS DISTINCT FROM OLD.dissent))
     OR (NEW.status <> OLD.status AND NOT (OLD.status = 'active' OR (OLD.status = 'conflicted' AND NEW.status = 'replaced'))) THEN
    RAISE EXCEPTION 'a declaration, a submission, a signature or a departure is made once' USING ERRCODE = 'P0001', HINT = 'seat_once';
  END IF;
  IF outside AND ((NEW.status <> OLD.status AND NOT (NEW.status = 'conflicted' AND OLD.declared_at IS NULL AND NEW.declared_at IS NOT NULL))
     OR (NEW.chair AND NOT OLD.chair) OR NEW.replaced_reason IS DISTINCT FROM OLD.replaced_reason OR NEW.replaced_at IS DISTINCT FROM OLD.replaced_at) THEN
    RAISE EXCEPTION 'a member changes only their declaration, submission and signature' USING ERRCODE = 'P0001', HINT = 'seat_own';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER committee_members_guard BEFORE UPDATE ON committee_members FOR EACH ROW EXECUTE FUNCTION committee_member_guard();--> statement-breakpoint
-- The evaluation row: never moves to another tender or organization; a member
-- from outside the buyer moves its phase forward only, and sets the result and
-- the report once.
CREATE FUNCTION evaluation_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  phases text[] := ARRAY['committee', 'screening', 'scoring', 'prices', 'report', 'final', 'publicized', 'awarded'];
BEGIN
  IF NEW.organization_id <> OLD.organization_id OR NEW.tender_id <> OLD.tender_id THEN
    RAISE EXCEPTION 'an evaluation stays its tender''s' USING ERRCODE = 'P0001', HINT = 'evaluation_immutable';
  END IF;
  IF OLD.organization_id IS DISTINCT FROM nullif(current_setting('app.org_id', true), '')::uuid THEN
    IF array_position(phases, NEW.phase) < array_position(phases, OLD.phase) OR NEW.phase IN ('publicized', 'awarded')
       OR NEW.bidders IS DISTINCT FROM OLD.bidders OR NEW.draws IS DISTINCT FROM OLD.draws OR NEW.criteria_hash IS DISTINCT FROM OLD.criteria_hash
       OR NEW.min_members <> OLD.min_members OR NEW.convened_at IS DISTINCT FROM OLD.convened_at
       OR (OLD.compliance IS NOT NULL AND NEW.compliance IS DISTINCT FROM OLD.compliance)
       OR (OLD.report IS NOT NULL AND (NEW.report IS DISTINCT FROM OLD.report OR NEW.result IS DISTINCT FROM OLD.result OR NEW.report_sha256 IS DISTINCT FROM OLD.report_sha256)) THEN
      RAISE EXCEPTION 'a member moves the evaluation forward only' USING ERRCODE = 'P0001', HINT = 'evaluation_forward';
    END IF;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER evaluations_guard BEFORE UPDATE ON evaluations FOR EACH ROW EXECUTE FUNCTION evaluation_guard();--> statement-breakpoint
-- A committee member from outside the buyer appends what they do and see to the
-- buyer's audit chain — for a tender on whose committee they sit, as themselves,
-- through this one function (no policy lets them touch the chain or its head).
CREATE FUNCTION append_committee_audit(p_org uuid, p_tender uuid, p_at timestamptz, p_action text, p_subject uuid, p_data jsonb, p_digest bytea) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  me uuid := nullif(current_setting('app.user_id', true), '')::uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM committee_members m WHERE m.tender_id = p_tender AND m.organization_id = p_org AND m.user_id = me AND m.status = 'active') THEN
    RAISE EXCEPTION 'not a member of this committee' USING ERRCODE = 'P0001', HINT = 'not_member';
  END IF;
  WITH head AS (
    INSERT INTO audit_heads AS h (organization_id, seq, prev_hash, hash)
    VALUES (p_org, 1, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea, sha256('\x0000000000000000000000000000000000000000000000000000000000000000'::bytea || p_digest))
    ON CONFLICT (organization_id) DO UPDATE SET seq = h.seq + 1, prev_hash = h.hash, hash = sha256(h.hash || p_digest)
    RETURNING seq, prev_hash, hash)
  INSERT INTO audit_chain (organization_id, seq, at, actor_id, action, tender_id, subject_id, data, prev_hash, hash)
  SELECT p_org, head.seq, p_at, me, p_action, p_tender, p_subject, p_data, head.prev_hash, head.hash FROM head;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION append_committee_audit(uuid, uuid, timestamptz, text, uuid, jsonb, bytea) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION append_committee_audit(uuid, uuid, timestamptz, text, uuid, jsonb, bytea) TO procura_app;--> statement-breakpoint
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
CREATE POLICY "score_sheets_committee_read" ON "score_sheets" AS PERMISSIVE FOR SELECT TO "procura_app" USING (committee_role(tender_id) = 'declared' and (user_id = nullif(current_setting('app.user_id', true), '')::uuid or may_read_sheets(tender_id)));--> statement-breakpoint
CREATE POLICY "score_sheets_member_write" ON "score_sheets" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid and committee_role(tender_id) = 'declared' and exists (select 1 from tenders t where t.id = score_sheets.tender_id and t.organization_id = score_sheets.organization_id) and exists (select 1 from bid_openings o where o.bid_id = score_sheets.bid_id and o.tender_id = score_sheets.tender_id));--> statement-breakpoint
CREATE POLICY "score_sheets_member_update" ON "score_sheets" AS PERMISSIVE FOR UPDATE TO "procura_app" USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid and committee_role(tender_id) = 'declared') WITH CHECK (user_id = nullif(current_setting('app.user_id', true), '')::uuid and committee_role(tender_id) = 'declared' and exists (select 1 from tenders t where t.id = score_sheets.tender_id and t.organization_id = score_sheets.organization_id));--> statement-breakpoint
CREATE POLICY "screening_results_tenant_isolation" ON "screening_results" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "screening_results_committee_read" ON "screening_results" AS PERMISSIVE FOR SELECT TO "procura_app" USING (committee_role(tender_id) = 'declared');--> statement-breakpoint
CREATE POLICY "screening_results_committee_write" ON "screening_results" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (committee_role(tender_id) = 'declared' and exists (select 1 from tenders t where t.id = screening_results.tender_id and t.organization_id = screening_results.organization_id) and exists (select 1 from bid_openings o where o.bid_id = screening_results.bid_id and o.tender_id = screening_results.tender_id));--> statement-breakpoint
CREATE POLICY "screening_results_committee_update" ON "screening_results" AS PERMISSIVE FOR UPDATE TO "procura_app" USING (committee_role(tender_id) = 'declared') WITH CHECK (committee_role(tender_id) = 'declared' and exists (select 1 from tenders t where t.id = screening_results.tender_id and t.organization_id = screening_results.organization_id) and exists (select 1 from bid_openings o where o.bid_id = screening_results.bid_id and o.tender_id = screening_results.tender_id));