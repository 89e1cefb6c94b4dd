CREATE TABLE "approval_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"min_amount" numeric(17, 2) DEFAULT '0' NOT NULL,
	"department" text,
	"approver_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approval_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"supplier_org_id" uuid,
	"category" text NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"levels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"reason" text,
	"reviewer_id" uuid,
	"reviewed_at" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "project_team" (
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_team_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "project_team" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"requisition_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"process_model" text DEFAULT 'internal-8' NOT NULL,
	"stage" text NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"budget" numeric(17, 2) NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "requisition_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"requisition_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"specification" text DEFAULT '' NOT NULL,
	"quantity" numeric(16, 4) NOT NULL,
	"unit" text NOT NULL,
	"unit_price" numeric(17, 2) NOT NULL,
	"needed_by" date
);
--> statement-breakpoint
ALTER TABLE "requisition_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "requisition_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"requisition_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"approver_ids" uuid[] NOT NULL,
	"decision" text,
	"decider_id" uuid,
	"comment" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "requisition_steps" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "requisitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"department" text NOT NULL,
	"requester_id" uuid NOT NULL,
	"justification" text NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"total" numeric(17, 2) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requisitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"supplier_org_id" uuid,
	"name" text NOT NULL,
	"contact_email" text,
	"invite_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suppliers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_chain" (
	"organization_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"tender_id" uuid,
	"subject_id" uuid,
	"data" jsonb NOT NULL,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "audit_chain_organization_id_seq_pk" PRIMARY KEY("organization_id","seq")
);
--> statement-breakpoint
ALTER TABLE "audit_chain" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_heads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "bid_openings" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"envelope" text NOT NULL,
	"bid_id" uuid NOT NULL,
	"bidder_org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"outcome" text NOT NULL,
	"content" jsonb,
	"total" numeric(17, 2),
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bid_openings_tender_id_envelope_bid_id_pk" PRIMARY KEY("tender_id","envelope","bid_id")
);
--> statement-breakpoint
ALTER TABLE "bid_openings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "bid_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"submission" "bytea",
	"sha256" text,
	"size" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"receipt" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bid_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bids" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "key_holders" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"record" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_holders_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "key_holders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"sender_org_id" uuid NOT NULL,
	"user_id" uuid,
	"kind" text NOT NULL,
	"tender_id" uuid,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "opening_shares" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"envelope" text NOT NULL,
	"holder_user_id" uuid NOT NULL,
	"share" "bytea" NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opening_shares_tender_id_envelope_holder_user_id_pk" PRIMARY KEY("tender_id","envelope","holder_user_id")
);
--> statement-breakpoint
ALTER TABLE "opening_shares" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"sender_org_id" uuid NOT NULL,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"actor_id" uuid,
	"reason" text NOT NULL,
	"material" boolean NOT NULL,
	"changes" jsonb NOT NULL,
	"old_deadline" timestamp with time zone NOT NULL,
	"new_deadline" timestamp with time zone NOT NULL,
	"freeze_hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tender_amendments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_clarifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"answered_by" uuid,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tender_clarifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"amendment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tender_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_downloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tender_downloads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_invitations" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"supplier_org_id" uuid NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_invitations_tender_id_supplier_org_id_pk" PRIMARY KEY("tender_id","supplier_org_id")
);
--> statement-breakpoint
ALTER TABLE "tender_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_keys" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"envelope" text NOT NULL,
	"public_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"threshold" integer NOT NULL,
	"key" jsonb NOT NULL,
	"secret" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_keys_tender_id_envelope_pk" PRIMARY KEY("tender_id","envelope")
);
--> statement-breakpoint
ALTER TABLE "tender_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_openings" (
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"envelope" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"record" jsonb,
	"opened_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tender_openings_tender_id_envelope_pk" PRIMARY KEY("tender_id","envelope")
);
--> statement-breakpoint
ALTER TABLE "tender_openings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tender_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"asker_org_id" uuid NOT NULL,
	"asker_user_id" uuid,
	"question" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"clarification_id" uuid
);
--> statement-breakpoint
ALTER TABLE "tender_questions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"regime" text NOT NULL,
	"method" text NOT NULL,
	"category" text NOT NULL,
	"currency" text NOT NULL,
	"estimated_value" numeric(17, 2) NOT NULL,
	"bid_bond" numeric(17, 2) DEFAULT '0' NOT NULL,
	"setup" jsonb NOT NULL,
	"envelopes" text DEFAULT 'one' NOT NULL,
	"publish_at" timestamp with time zone,
	"questions_until" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"opening_at" timestamp with time zone NOT NULL,
	"min_valid_bids" integer NOT NULL,
	"show_bid_count" boolean DEFAULT true NOT NULL,
	"amendment_min_days" integer DEFAULT 0 NOT NULL,
	"key_threshold" integer DEFAULT 2 NOT NULL,
	"key_holder_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"freeze_hash" text,
	"cancelled_reason" text,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "approval_rules" ADD CONSTRAINT "approval_rules_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team" ADD CONSTRAINT "project_team_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team" ADD CONSTRAINT "project_team_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_team" ADD CONSTRAINT "project_team_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_requisition_id_requisitions_id_fk" FOREIGN KEY ("requisition_id") REFERENCES "public"."requisitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_items" ADD CONSTRAINT "requisition_items_requisition_id_requisitions_id_fk" FOREIGN KEY ("requisition_id") REFERENCES "public"."requisitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_steps" ADD CONSTRAINT "requisition_steps_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_steps" ADD CONSTRAINT "requisition_steps_requisition_id_requisitions_id_fk" FOREIGN KEY ("requisition_id") REFERENCES "public"."requisitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_steps" ADD CONSTRAINT "requisition_steps_decider_id_user_id_fk" FOREIGN KEY ("decider_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisitions" ADD CONSTRAINT "requisitions_requester_id_user_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_supplier_org_id_organization_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_chain" ADD CONSTRAINT "audit_chain_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD CONSTRAINT "audit_heads_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_openings" ADD CONSTRAINT "bid_openings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_openings" ADD CONSTRAINT "bid_openings_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_openings" ADD CONSTRAINT "bid_openings_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_openings" ADD CONSTRAINT "bid_openings_bidder_org_id_organization_id_fk" FOREIGN KEY ("bidder_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_versions" ADD CONSTRAINT "bid_versions_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_versions" ADD CONSTRAINT "bid_versions_buyer_org_id_organization_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_versions" ADD CONSTRAINT "bid_versions_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_versions" ADD CONSTRAINT "bid_versions_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_buyer_org_id_organization_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_holders" ADD CONSTRAINT "key_holders_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_holders" ADD CONSTRAINT "key_holders_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_shares" ADD CONSTRAINT "opening_shares_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_shares" ADD CONSTRAINT "opening_shares_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_shares" ADD CONSTRAINT "opening_shares_holder_user_id_user_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_amendments" ADD CONSTRAINT "tender_amendments_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_amendments" ADD CONSTRAINT "tender_amendments_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_amendments" ADD CONSTRAINT "tender_amendments_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_clarifications" ADD CONSTRAINT "tender_clarifications_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_clarifications" ADD CONSTRAINT "tender_clarifications_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_clarifications" ADD CONSTRAINT "tender_clarifications_answered_by_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_documents" ADD CONSTRAINT "tender_documents_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_documents" ADD CONSTRAINT "tender_documents_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_downloads" ADD CONSTRAINT "tender_downloads_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_downloads" ADD CONSTRAINT "tender_downloads_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_downloads" ADD CONSTRAINT "tender_downloads_document_id_tender_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."tender_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_downloads" ADD CONSTRAINT "tender_downloads_supplier_org_id_organization_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_downloads" ADD CONSTRAINT "tender_downloads_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_invitations" ADD CONSTRAINT "tender_invitations_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_invitations" ADD CONSTRAINT "tender_invitations_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_invitations" ADD CONSTRAINT "tender_invitations_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_invitations" ADD CONSTRAINT "tender_invitations_supplier_org_id_organization_id_fk" FOREIGN KEY ("supplier_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_invitations" ADD CONSTRAINT "tender_invitations_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_keys" ADD CONSTRAINT "tender_keys_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_keys" ADD CONSTRAINT "tender_keys_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_openings" ADD CONSTRAINT "tender_openings_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_openings" ADD CONSTRAINT "tender_openings_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_questions" ADD CONSTRAINT "tender_questions_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_questions" ADD CONSTRAINT "tender_questions_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_questions" ADD CONSTRAINT "tender_questions_asker_org_id_organization_id_fk" FOREIGN KEY ("asker_org_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_questions" ADD CONSTRAINT "tender_questions_asker_user_id_user_id_fk" FOREIGN KEY ("asker_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_rules_org_key_uq" ON "approval_rules" USING btree ("organization_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_supplier_category_uq" ON "certifications" USING btree ("supplier_id","category");--> statement-breakpoint
CREATE INDEX "certifications_org_status_idx" ON "certifications" USING btree ("organization_id","status","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_requisition_uq" ON "projects" USING btree ("requisition_id");--> statement-breakpoint
CREATE INDEX "projects_org_stage_idx" ON "projects" USING btree ("organization_id","status","stage");--> statement-breakpoint
CREATE INDEX "requisition_items_req_idx" ON "requisition_items" USING btree ("organization_id","requisition_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "requisition_steps_uq" ON "requisition_steps" USING btree ("requisition_id","round","position");--> statement-breakpoint
CREATE UNIQUE INDEX "requisitions_org_number_uq" ON "requisitions" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "requisitions_org_status_idx" ON "requisitions" USING btree ("organization_id","status","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_org_supplier_uq" ON "suppliers" USING btree ("organization_id","supplier_org_id");--> statement-breakpoint
CREATE INDEX "suppliers_org_name_idx" ON "suppliers" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "audit_chain_tender_idx" ON "audit_chain" USING btree ("organization_id","tender_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_versions_bid_version_uq" ON "bid_versions" USING btree ("bid_id","version");--> statement-breakpoint
CREATE INDEX "bid_versions_tender_idx" ON "bid_versions" USING btree ("tender_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_tender_bidder_uq" ON "bids" USING btree ("tender_id","organization_id");--> statement-breakpoint
CREATE INDEX "notifications_org_idx" ON "notifications" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_org_idx" ON "outbox" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "tender_amendments_tender_idx" ON "tender_amendments" USING btree ("organization_id","tender_id","at");--> statement-breakpoint
CREATE INDEX "tender_clarifications_tender_idx" ON "tender_clarifications" USING btree ("organization_id","tender_id","published_at");--> statement-breakpoint
CREATE INDEX "tender_documents_tender_idx" ON "tender_documents" USING btree ("organization_id","tender_id");--> statement-breakpoint
CREATE INDEX "tender_downloads_tender_idx" ON "tender_downloads" USING btree ("organization_id","tender_id","supplier_org_id");--> statement-breakpoint
CREATE INDEX "tender_questions_tender_idx" ON "tender_questions" USING btree ("organization_id","tender_id","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tenders_org_number_uq" ON "tenders" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "tenders_org_status_idx" ON "tenders" USING btree ("organization_id","status","deadline");--> statement-breakpoint
CREATE INDEX "tenders_open_idx" ON "tenders" USING btree ("method","status","deadline");--> statement-breakpoint
CREATE INDEX "activities_project_idx" ON "activities" USING btree ("organization_id","project_id","at");--> statement-breakpoint
CREATE POLICY "approval_rules_tenant_isolation" ON "approval_rules" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "certifications_tenant_isolation" ON "certifications" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "certifications_supplier_read" ON "certifications" AS PERMISSIVE FOR SELECT TO "procura_app" USING (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "certifications_supplier_apply" ON "certifications" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and status = 'applied' and reviewer_id is null and exists (select 1 from suppliers s where s.id = supplier_id and s.supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and s.organization_id = certifications.organization_id));--> statement-breakpoint
CREATE POLICY "certifications_supplier_reapply" ON "certifications" AS PERMISSIVE FOR UPDATE TO "procura_app" USING (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and status in ('rejected', 'expired')) WITH CHECK (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and status = 'applied' and reviewer_id is null);--> statement-breakpoint
CREATE POLICY "project_team_tenant_isolation" ON "project_team" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "projects_tenant_isolation" ON "projects" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "requisition_items_tenant_isolation" ON "requisition_items" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "requisition_steps_tenant_isolation" ON "requisition_steps" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "requisitions_tenant_isolation" ON "requisitions" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "suppliers_tenant_isolation" ON "suppliers" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "suppliers_supplier_read" ON "suppliers" AS PERMISSIVE FOR SELECT TO "procura_app" USING (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "suppliers_supplier_register" ON "suppliers" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and invite_token_hash is null);--> statement-breakpoint
CREATE POLICY "audit_chain_tenant_isolation" ON "audit_chain" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "audit_heads_tenant_isolation" ON "audit_heads" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "bid_openings_tenant_isolation" ON "bid_openings" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "bid_openings_bidder_read" ON "bid_openings" AS PERMISSIVE FOR SELECT TO "procura_app" USING (bidder_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "bid_versions_tenant_isolation" ON "bid_versions" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "bid_versions_buyer_read_opened" ON "bid_versions" AS PERMISSIVE FOR SELECT TO "procura_app" USING (buyer_org_id = nullif(current_setting('app.org_id', true), '')::uuid and exists (select 1 from tenders t where t.id = tender_id and t.status = 'opened'));--> statement-breakpoint
CREATE POLICY "bids_tenant_isolation" ON "bids" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "bids_buyer_read_opened" ON "bids" AS PERMISSIVE FOR SELECT TO "procura_app" USING (buyer_org_id = nullif(current_setting('app.org_id', true), '')::uuid and exists (select 1 from tenders t where t.id = tender_id and t.status = 'opened'));--> statement-breakpoint
CREATE POLICY "key_holders_tenant_isolation" ON "key_holders" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notifications_tenant_isolation" ON "notifications" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notifications_sender_write" ON "notifications" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (sender_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "opening_shares_tenant_isolation" ON "opening_shares" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "outbox_tenant_isolation" ON "outbox" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "outbox_sender_write" ON "outbox" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (sender_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_amendments_tenant_isolation" ON "tender_amendments" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_amendments_supplier_read" ON "tender_amendments" AS PERMISSIVE FOR SELECT TO "procura_app" USING (exists (select 1 from tenders t where t.id = tender_id and t.status <> 'draft'));--> statement-breakpoint
CREATE POLICY "tender_clarifications_tenant_isolation" ON "tender_clarifications" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_clarifications_supplier_read" ON "tender_clarifications" AS PERMISSIVE FOR SELECT TO "procura_app" USING (exists (select 1 from tenders t where t.id = tender_id and t.status <> 'draft'));--> statement-breakpoint
CREATE POLICY "tender_documents_tenant_isolation" ON "tender_documents" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_documents_supplier_read" ON "tender_documents" AS PERMISSIVE FOR SELECT TO "procura_app" USING (exists (select 1 from tenders t where t.id = tender_id and t.status <> 'draft'));--> statement-breakpoint
CREATE POLICY "tender_downloads_tenant_isolation" ON "tender_downloads" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_downloads_supplier_write" ON "tender_downloads" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid and exists (select 1 from tenders t where t.id = tender_id and t.status <> 'draft'));--> statement-breakpoint
CREATE POLICY "tender_invitations_tenant_isolation" ON "tender_invitations" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_invitations_supplier_read" ON "tender_invitations" AS PERMISSIVE FOR SELECT TO "procura_app" USING (supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_keys_tenant_isolation" ON "tender_keys" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_keys_supplier_read" ON "tender_keys" AS PERMISSIVE FOR SELECT TO "procura_app" USING (exists (select 1 from tenders t where t.id = tender_id and t.status <> 'draft'));--> statement-breakpoint
CREATE POLICY "tender_openings_tenant_isolation" ON "tender_openings" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_openings_bidder_read" ON "tender_openings" AS PERMISSIVE FOR SELECT TO "procura_app" USING (exists (select 1 from bids b where b.tender_id = tender_openings.tender_id and b.organization_id = nullif(current_setting('app.org_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tender_questions_tenant_isolation" ON "tender_questions" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_questions_asker_read" ON "tender_questions" AS PERMISSIVE FOR SELECT TO "procura_app" USING (asker_org_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tender_questions_asker_write" ON "tender_questions" AS PERMISSIVE FOR INSERT TO "procura_app" WITH CHECK (asker_org_id = nullif(current_setting('app.org_id', true), '')::uuid and clarification_id is null and exists (select 1 from tenders t where t.id = tender_id and t.status <> 'draft'));--> statement-breakpoint
CREATE POLICY "tenders_tenant_isolation" ON "tenders" AS PERMISSIVE FOR ALL TO "procura_app" USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "tenders_supplier_read" ON "tenders" AS PERMISSIVE FOR SELECT TO "procura_app" USING (status <> 'draft' and (
        (method = 'open' and exists (select 1 from organization o where o.id = nullif(current_setting('app.org_id', true), '')::uuid and o.kind in ('seller', 'both')))
        or exists (select 1 from tender_invitations i where i.tender_id = tenders.id and i.supplier_org_id = nullif(current_setting('app.org_id', true), '')::uuid)));--> statement-breakpoint
-- The audit chain is append-only for the application (as the activity log).
REVOKE UPDATE, DELETE ON "audit_chain" FROM procura_app;--> statement-breakpoint
-- Bids and their versions are never deleted by the application; versions never change.
REVOKE DELETE ON "bids" FROM procura_app;--> statement-breakpoint
REVOKE UPDATE, DELETE ON "bid_versions" FROM procura_app;--> statement-breakpoint
-- Before the opening the buyer may see how many bids arrived, and nothing else:
-- row-level security hides the bids themselves, so this function (owned by the
-- owner, which RLS does not restrict) counts them for the buyer of the tender
-- only, and only where the tender shows its bid count.
CREATE FUNCTION tender_bid_count(p_tender uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    select case when exists (select 1 from tenders t where t.id = p_tender and t.show_bid_count
                             and t.organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
      then (select count(*)::integer from bids b where b.tender_id = p_tender and b.status = 'active')
      end
  $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tender_bid_count(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tender_bid_count(uuid) TO procura_app;
