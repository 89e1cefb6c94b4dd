CREATE TABLE "certification_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"certification_id" uuid NOT NULL,
	"supplier_org_id" uuid,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certification_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_links" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_links_organization_id_tender_id_pk" PRIMARY KEY("organization_id","tender_id")
);
--> statement-breakpoint
ALTER TABLE "tender_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD COLUMN "origin_key" text;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "origin" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "bid_versions" ADD COLUMN "confirms" integer;--> statement-breakpoint
ALTER TABLE "bid_versions" ALTER COLUMN "submission" SET DATA TYPE text USING convert_from("submission", 'UTF8');--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "material_amended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certification_documents" ADD CONSTRAINT "certification_documents_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_documents" ADD CONSTRAINT "certification_documents_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_documents" ADD CONSTRAINT "certification_documents_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_links" ADD CONSTRAINT "tender_links_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_links" ADD CONSTRAINT "tender_links_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_links" ADD CONSTRAINT "tender_links_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_links" ADD CONSTRAINT "tender_links_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certification_documents_cert_idx" ON "certification_documents" USING btree ("organization_id","certification_id");--> statement-breakpoint
CREATE INDEX "tender_links_opp_idx" ON "tender_links" USING btree ("organization_id","opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_origin_key_uq" ON "evidence_items" USING btree ("organization_id","opportunity_id","origin_key");--> statement-breakpoint
CREATE POLICY "certification_documents_tenant_isolation" ON "certification_documents" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "certification_documents_supplier_read" ON "certification_documents" AS PERMISSIVE FOR SELECT TO "procura_app" USING (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "certification_documents_supplier_write" ON "certification_documents" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and exists (select 1 from certifications c where c.id = certification_id and c.supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and c.organization_id = certification_documents.organization_id));--> statement-breakpoint
CREATE POLICY "tender_links_tenant_isolation" ON "tender_links" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- Late is refused, by the database (tendering.md "Receiving bids" 3): a bid
-- version (submission, confirmation or withdrawal) is stored only while its
-- tender takes bids and only with a receipt time strictly before the deadline,
-- whatever path wrote it. The receipt time is the server clock's, taken inside
-- the write's transaction. SECURITY DEFINER: the tender row is read whatever the
-- writer may see of it.
CREATE FUNCTION bid_version_guard() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t record;
BEGIN
  -- The tender row first (KEY SHARE, as the foreign key would take it at the
  -- end of the statement), then the lock bids in flight share and a close takes
  -- alone (tender_close_guard): the same order on every path, so a close that
  -- locked the row FOR UPDATE cannot deadlock with a bid. A bid checked as on
  -- time commits before the close is counted; one checked after sees it closed.
  PERFORM 1 FROM tenders WHERE id = NEW.tender_id FOR KEY SHARE;
  PERFORM pg_advisory_xact_lock_shared(7301, hashtext(NEW.tender_id::text));
  SELECT status, deadline, organization_id INTO t FROM tenders WHERE id = NEW.tender_id;
  IF NOT FOUND OR t.organization_id <> NEW.buyer_org_id THEN
    RAISE EXCEPTION 'bid for an unknown tender' USING ERRCODE = 'P0001', HINT = 'tender_unknown';
  END IF;
  IF t.status NOT IN ('published', 'questions_closed') THEN
    RAISE EXCEPTION 'the tender does not take bids (%)', t.status USING ERRCODE = 'P0001', HINT = 'tender_not_open';
  END IF;
  IF NEW.received_at >= t.deadline THEN
    RAISE EXCEPTION 'received at % , the deadline is %', NEW.received_at, t.deadline USING ERRCODE = 'P0001', HINT = 'deadline_passed';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER bid_versions_guard BEFORE INSERT ON bid_versions FOR EACH ROW EXECUTE FUNCTION bid_version_guard();--> statement-breakpoint
-- The number of valid bids of a tender, for its buyer only, once bidding has
-- closed (the opening's first check: too few and nothing is decrypted). Valid:
-- not withdrawn, and submitted or confirmed after the last material amendment.
CREATE FUNCTION tender_valid_bid_count(p_tender uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    select case when exists (select 1 from tenders t where t.id = p_tender
                             and (t.status in ('bidding_closed', 'opened', 'failed') or (t.status <> 'draft' and t.show_bid_count))
                             and t.organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
      then (select count(*)::integer from bids b join tenders t on t.id = b.tender_id
            where b.tender_id = p_tender and b.status = 'active'
              and (t.material_amended_at is null or exists (
                select 1 from bid_versions v where v.bid_id = b.id and v.kind in ('submit', 'confirm')
                  and v.received_at >= t.material_amended_at)))
      end
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tender_valid_bid_count(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tender_valid_bid_count(uuid) TO procura_app;
--> statement-breakpoint
-- A company invited by e-mail signs up as a supplier organization and accepts
-- the buyer's invitation: the buyer's registry entry becomes that organization.
-- The invited side cannot write the buyer's rows, so this function does exactly
-- that one change, for the holder of the link (its SHA-256 is what is stored).
-- Returns the buyer organization, or null when the link is unknown or used.
CREATE FUNCTION accept_supplier_invite(p_token_hash text) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  me uuid := nullif(current_setting('app.org_id', true), '')::uuid;
  s record;
BEGIN
  IF me IS NULL THEN RETURN NULL; END IF;
  SELECT id, organization_id INTO s FROM suppliers WHERE invite_token_hash = p_token_hash AND supplier_org_id IS NULL FOR UPDATE;
  IF NOT FOUND OR s.organization_id = me THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM suppliers WHERE organization_id = s.organization_id AND supplier_org_id = me) THEN
    RAISE EXCEPTION 'already registered with this buyer' USING ERRCODE = 'P0001', HINT = 'already_registered';
  END IF;
  UPDATE suppliers SET supplier_org_id = me, invite_token_hash = NULL WHERE id = s.id;
  UPDATE certifications SET supplier_org_id = me WHERE supplier_id = s.id;
  UPDATE certification_documents d SET supplier_org_id = me FROM certifications c WHERE c.id = d.certification_id AND c.supplier_id = s.id;
  RETURN s.organization_id;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION accept_supplier_invite(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION accept_supplier_invite(text) TO procura_app;
--> statement-breakpoint
-- The organizations with a bid in a tender, for the platform to notify them of
-- an amendment or a cancellation on the buyer's behalf. The buyer's request
-- calls it; the API never shows the result to the buyer (who bid stays hidden
-- until the opening), and the notifications it writes land in the bidders' own
-- tenants, which the buyer cannot read.
CREATE FUNCTION tender_bidder_orgs(p_tender uuid) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    select b.organization_id from bids b
    where b.tender_id = p_tender and b.status = 'active'
      and exists (select 1 from tenders t where t.id = p_tender
                  and t.organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tender_bidder_orgs(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tender_bidder_orgs(uuid) TO procura_app;
--> statement-breakpoint
-- Sealed bids and opened contents are ciphertext and base64: compressing them
-- costs CPU in the bid rush and the opening and saves little. Stored as they are.
ALTER TABLE "bid_versions" ALTER COLUMN "submission" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "bid_openings" ALTER COLUMN "content" SET STORAGE EXTERNAL;
--> statement-breakpoint
-- Visibility to suppliers follows publication, not the status: a draft cancelled
-- before publication never becomes visible. A supplier's own records (downloads,
-- questions) are filed only under the tender's buyer.
ALTER POLICY "tender_amendments_supplier_read" ON "tender_amendments" TO procura_app USING (exists (select 1 from tenders t where t.id = tender_id and t.published_at is not null));--> statement-breakpoint
ALTER POLICY "tender_clarifications_supplier_read" ON "tender_clarifications" TO procura_app USING (exists (select 1 from tenders t where t.id = tender_id and t.published_at is not null));--> statement-breakpoint
ALTER POLICY "tender_documents_supplier_read" ON "tender_documents" TO procura_app USING (exists (select 1 from tenders t where t.id = tender_id and t.published_at is not null));--> statement-breakpoint
ALTER POLICY "tender_downloads_supplier_write" ON "tender_downloads" TO procura_app WITH CHECK (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and exists (select 1 from tenders t where t.id = tender_downloads.tender_id and t.organization_id = tender_downloads.organization_id and t.published_at is not null));--> statement-breakpoint
ALTER POLICY "tender_keys_supplier_read" ON "tender_keys" TO procura_app USING (exists (select 1 from tenders t where t.id = tender_id and t.published_at is not null));--> statement-breakpoint
ALTER POLICY "tender_questions_asker_write" ON "tender_questions" TO procura_app WITH CHECK (asker_org_id = nullif(current_setting('app.org_id', true), '')::uuid and clarification_id is null and exists (select 1 from tenders t where t.id = tender_questions.tender_id and t.organization_id = tender_questions.organization_id and t.published_at is not null));--> statement-breakpoint
ALTER POLICY "tenders_supplier_read" ON "tenders" TO procura_app USING (published_at is not null and (
        (method = 'open' and exists (select 1 from organization o where o.id = nullif(current_setting('app.org_id', true), '')::uuid and o.kind in ('seller', 'both')))
        or exists (select 1 from tender_invitations i where i.tender_id = tenders.id and i.supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid)));
--> statement-breakpoint
-- Closing a tender for bids (the clock at the deadline, the opening, a
-- cancellation) waits for the bids in flight, which hold the shared lock taken in
-- bid_version_guard; bids checked after the close see it closed.
CREATE FUNCTION tender_close_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('published', 'questions_closed') AND NEW.status NOT IN ('published', 'questions_closed') THEN
    PERFORM pg_advisory_xact_lock(7301, hashtext(NEW.id::text));
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER tenders_close_guard BEFORE UPDATE OF status ON tenders FOR EACH ROW EXECUTE FUNCTION tender_close_guard();--> statement-breakpoint
-- A tender that ends without an opening (cancelled, failed) keeps no key shares:
-- fewer than k are useless alone, and none should outlive the tender.
CREATE FUNCTION tender_drop_shares() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM opening_shares WHERE tender_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tenders_drop_shares AFTER UPDATE OF status ON tenders FOR EACH ROW
  WHEN (NEW.status IN ('cancelled', 'failed') AND OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION tender_drop_shares();
