// The columns the generator writes, per table (see src/db/schema), and the
// buffers in the order foreign keys need them written.
import { TableBuffer, type TableSpec } from './writer';

export const SPECS = {
  user: { table: 'user', columns: [['id', 'uuid'], ['name', 'text'], ['email', 'text'], ['email_verified', 'bool'], ['locale', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] },
  authAccount: {
    table: 'account',
    columns: [['id', 'uuid'], ['account_id', 'text'], ['provider_id', 'text'], ['user_id', 'uuid'], ['password', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
  },
  organization: { table: 'organization', columns: [['id', 'uuid'], ['name', 'text'], ['slug', 'text'], ['metadata', 'text'], ['kind', 'text'], ['created_at', 'timestamptz']] },
  member: { table: 'member', columns: [['id', 'uuid'], ['organization_id', 'uuid'], ['user_id', 'uuid'], ['role', 'text'], ['created_at', 'timestamptz']] },
  orgSettings: {
    table: 'org_settings',
    columns: [['organization_id', 'uuid'], ['opportunity_visibility', 'text'], ['risk_thresholds', 'jsonb'], ['default_process_model', 'text'], ['stage_duration_p75', 'jsonb'], ['updated_at', 'timestamptz']],
  },
  competitors: { table: 'competitors', columns: [['id', 'uuid'], ['organization_id', 'uuid'], ['name', 'text'], ['website', 'text'], ['notes', 'text'], ['created_at', 'timestamptz']] },
  accounts: {
    table: 'accounts',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['name', 'text'], ['industry', 'text'], ['size', 'text'], ['region', 'text'], ['org_structure', 'text'],
      ['procurement_policies', 'text[]'], ['budget_cycle', 'text'], ['notes', 'text'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  contacts: {
    table: 'contacts',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['account_id', 'uuid'], ['name', 'text'], ['title', 'text'], ['department', 'text'], ['reports_to_id', 'uuid'],
      ['email', 'text'], ['phone', 'text'], ['wechat', 'text'], ['buying_roles', 'text[]'], ['is_coach', 'bool'], ['attitude', 'text'], ['influence', 'int2'],
      ['concerns', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  opportunities: {
    table: 'opportunities',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['account_id', 'uuid'], ['title', 'text'], ['product', 'text'], ['value', 'numeric'], ['currency', 'text'],
      ['process_model', 'text'], ['owner_id', 'uuid'], ['expected_decision_date', 'date'], ['source', 'text'], ['stage_set', 'text'], ['stage_inferred', 'text'],
      ['inference_confidence', 'float4'], ['stage', 'text'], ['stage_entered_at', 'timestamptz'], ['outcome', 'text'], ['lost_reason', 'text'],
      ['winning_competitor_id', 'uuid'], ['closed_at', 'timestamptz'], ['risk_codes', 'text[]'], ['first_interaction_at', 'timestamptz'],
      ['first_interaction_stage', 'text'], ['last_interaction_at', 'timestamptz'], ['interaction_count', 'int4'], ['created_by', 'uuid'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  facts: {
    table: 'opportunity_facts',
    columns: [['organization_id', 'uuid'], ['opportunity_id', 'uuid'], ['kind', 'text'], ['value', 'text'], ['source_contact_ids', 'uuid[]'], ['verified', 'bool'], ['updated_at', 'timestamptz']],
  },
  oppCompetitors: {
    table: 'opportunity_competitors',
    columns: [['id', 'uuid'], ['organization_id', 'uuid'], ['opportunity_id', 'uuid'], ['competitor_id', 'uuid'], ['position', 'text'], ['strengths', 'text'], ['weaknesses', 'text'], ['updated_at', 'timestamptz']],
  },
  interactions: {
    table: 'interactions',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['account_id', 'uuid'], ['opportunity_id', 'uuid'], ['type', 'text'], ['occurred_at', 'timestamptz'],
      ['summary', 'text'], ['customer_response', 'text'], ['competitor_responses', 'jsonb'], ['contact_ids', 'uuid[]'], ['user_ids', 'uuid[]'],
      ['created_by', 'uuid'], ['created_at', 'timestamptz'],
    ],
  },
  evidence: {
    table: 'evidence_items',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['opportunity_id', 'uuid'], ['interaction_id', 'uuid'], ['type', 'text'], ['value', 'text'],
      ['source_contact_id', 'uuid'], ['verified', 'bool'], ['occurred_at', 'timestamptz'], ['origin', 'text'], ['created_at', 'timestamptz'],
    ],
  },
  tasks: {
    table: 'tasks',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['opportunity_id', 'uuid'], ['title', 'text'], ['owner_id', 'uuid'], ['due_date', 'date'], ['status', 'text'],
      ['origin', 'text'], ['playbook_key', 'text'], ['completed_at', 'timestamptz'], ['created_at', 'timestamptz'],
    ],
  },
  stageMoves: {
    table: 'stage_moves',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['opportunity_id', 'uuid'], ['kind', 'text'], ['from_stage', 'text'], ['to_stage', 'text'],
      ['direction', 'text'], ['reason', 'text'], ['evidence_ids', 'uuid[]'], ['actor_id', 'uuid'], ['at', 'timestamptz'],
    ],
  },
  activities: {
    table: 'activities',
    columns: [
      ['organization_id', 'uuid'], ['actor_id', 'uuid'], ['entity_type', 'text'], ['entity_id', 'uuid'], ['account_id', 'uuid'], ['opportunity_id', 'uuid'],
      ['action', 'text'], ['data', 'jsonb'], ['at', 'timestamptz'],
    ],
  },
} as const satisfies Record<string, TableSpec>;

export type TableKey = keyof typeof SPECS;

/** One buffer per table, listed parents first. */
export class Buffers {
  readonly user = new TableBuffer(SPECS.user);
  readonly authAccount = new TableBuffer(SPECS.authAccount);
  readonly organization = new TableBuffer(SPECS.organization);
  readonly member = new TableBuffer(SPECS.member);
  readonly orgSettings = new TableBuffer(SPECS.orgSettings);
  readonly competitors = new TableBuffer(SPECS.competitors);
  readonly accounts = new TableBuffer(SPECS.accounts);
  readonly contacts = new TableBuffer(SPECS.contacts);
  readonly opportunities = new TableBuffer(SPECS.opportunities);
  readonly facts = new TableBuffer(SPECS.facts);
  readonly oppCompetitors = new TableBuffer(SPECS.oppCompetitors);
  readonly interactions = new TableBuffer(SPECS.interactions);
  readonly evidence = new TableBuffer(SPECS.evidence);
  readonly tasks = new TableBuffer(SPECS.tasks);
  readonly stageMoves = new TableBuffer(SPECS.stageMoves);
  readonly activities = new TableBuffer(SPECS.activities);

  /** Foreign-key order. */
  ordered(): TableBuffer[] {
    return [
      this.user, this.authAccount, this.organization, this.member, this.orgSettings, this.competitors, this.accounts, this.contacts,
      this.opportunities, this.facts, this.oppCompetitors, this.interactions, this.evidence, this.tasks, this.stageMoves, this.activities,
    ];
  }

  get pending(): number {
    return this.ordered().reduce((n, b) => n + b.length, 0);
  }
}
