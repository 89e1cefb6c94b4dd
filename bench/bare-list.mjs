// The bare shape of the opportunity list, for `npm run bench` to measure the
// list against: plain Fastify and `pg`, no authentication, no tenant context or
// row-level security, no validation of the query or the response. It reads the
// same 50 rows of the same columns with the same statement (prepared, like the
// real one) and sends them as JSON. What the list costs beyond this is what the
// stack adds (auth, tenancy, zod, the cursor, presentation).
//
// Run by bench/run.ts: node bench/bare-list.mjs  (env DATABASE_URL, PORT, ORG_ID, POOL_SIZE)
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 5) });
const orgId = process.env.ORG_ID;
const app = Fastify({ logger: false });

const SQL = `select o.id as "id", o.title as "title", o.account_id as "accountId", a.name as "accountName", a.industry as "industry", u.name as "ownerName",
  o.product as "product", o.value::float8 as "value", o.currency as "currency", o.process_model as "processModel", o.owner_id as "ownerId",
  o.expected_decision_date as "expectedDecisionDate", o.source as "source", o.stage as "stage", o.stage_set as "stageSet",
  o.stage_inferred as "stageInferred", o.inference_confidence as "inferenceConfidence", o.stage_entered_at::text as "stageEnteredAt",
  o.outcome as "outcome", o.risk_codes as "riskCodes", o.last_interaction_at::text as "lastInteractionAt", o.created_at::text as "createdAt",
  o.updated_at::text as "updatedAt", o.value::text as "sortKey"
  from opportunities o join accounts a on a.id = o.account_id join "user" u on u.id = o.owner_id
  where o.organization_id = $1 and o.stage = any($2) and o.outcome = any($3) and o.value >= $4
  order by o.value desc, o.id desc limit 51`;

app.get('/opportunities', async (request) => {
  const q = request.query;
  const r = await pool.query({ name: 'bare-list', text: SQL, values: [orgId, [q.stage], [q.outcome ?? 'open'], Number(q.minValue ?? 0)] });
  const items = r.rows.slice(0, 50);
  return { items, nextCursor: r.rows.length > 50 ? Buffer.from(JSON.stringify([items[49].sortKey, items[49].id])).toString('base64url') : null };
});
app.get('/health', async () => ({ ok: true }));

await app.listen({ port: Number(process.env.PORT ?? 3998), host: '127.0.0.1' });
