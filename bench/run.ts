// `npm run bench`: speed and memory of the hot paths, against a database seeded
// with 100,000 opportunities and 1,000,000 interactions (generated once into
// .tmp/bench, reused afterwards). The server runs as its own process; the load
// comes from this process (autocannon, 50 connections). Every figure is printed
// with its ratio to a baseline route measured in the same run: one evidence row
// read by primary key through the same stack (auth, tenant transaction, RLS).
// The list is also measured against its bare shape (bench/bare-list.mjs: plain
// Fastify + pg reading the same 50 rows of the same columns, nothing else), so
// the report shows how much of the list's cost the stack adds.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { defaultPoolSize } from '../src/config';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { appUrlFrom, ensureAppRole, runMigrations } from '../src/db/bootstrap';
import { getBuiltInModel } from '../src/domain/process-models';
import { inferStage } from '../src/domain/inference';
// @ts-expect-error: a plain ES module script, no type declarations
import { buildServer, serverEnv } from '../scripts/build-server.mjs';
import { bidRush, type RushResult } from './bid-rush';
import { evaluationBench, type EvaluationBenchResult } from './evaluation';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const OPPS = Number(args.get('opportunities') ?? 100_000);
const INTERACTIONS = Number(args.get('interactions') ?? 1_000_000);
const DURATION = Number(args.get('duration') ?? 10);
const CONNECTIONS = Number(args.get('connections') ?? 50);
/** --only=list,detail: measure only these routes (the baseline always runs). */
const ONLY = args.get('only')?.split(',') ?? null;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, '.tmp/bench');
const pgPort = 55432;
const httpPort = 3999;
const barePort = 3998;
const say = (m: string) => process.stdout.write(`${m}\n`);
/** BENCH_PROFILE_DIR=dir: the measured server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const profileArgs = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];

async function main() {
  say(`Procura benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const external = process.env.DATABASE_URL;
  const embedded = external ? null : await startEmbeddedPostgres({ dataDir, port: pgPort });
  const ownerUrl = external ?? embedded!.url;
  let server: ChildProcess | null = null;
  let bare: ChildProcess | null = null;
  let embeddedStopped = false;
  try {
    await ensureAppRole(ownerUrl, 'procura_app_local');
    await runMigrations(ownerUrl);
    const owner = new pg.Client({ connectionString: ownerUrl });
    owner.on('error', () => {});
    await owner.connect();
    const have = Number((await owner.query(`select count(*) n from opportunities`)).rows[0].n);
    if (have < OPPS) {
      say(`Seeding ${OPPS.toLocaleString()} opportunities and ${INTERACTIONS.toLocaleString()} interactions (once; reused by later runs)…`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts', '--reset', `--opportunities=${OPPS}`, `--interactions=${INTERACTIONS}`], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: ownerUrl },
      });
      if (r.status !== 0) throw new Error('seeding failed');
      await owner.query('vacuum analyze');
    }
    const counts = (await owner.query(`select (select count(*) from opportunities)::int o, (select count(*) from interactions)::int i, (select count(*) from evidence_items)::int e`)).rows[0];
    say(`Data: ${counts.o.toLocaleString()} opportunities, ${counts.i.toLocaleString()} interactions, ${counts.e.toLocaleString()} evidence items`);

    // The server runs as `npm start` runs it: the bundle, with plain Node.
    const bundle = await buildServer();
    // Start (existing data) → first HTTP 200.
    const t0 = performance.now();
    server = spawn(process.execPath, [...profileArgs, bundle], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: serverEnv({ ...process.env, DATABASE_URL: ownerUrl, APP_DATABASE_URL: appUrlFrom(ownerUrl, 'procura_app_local'), PORT: String(httpPort), PROCURA_BASE_URL: `http://127.0.0.1:${httpPort}`, PROCURA_DEMO_DATA: 'false', LOG_LEVEL: 'warn' }),
    });
    const base = `http://127.0.0.1:${httpPort}`;
    await waitHealthy(base, t0);
    const startMs = performance.now() - t0;

    // The bench user holds the large tenant.
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'bench@procura.demo', password: 'demo-procura-2026' }) });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie, 'content-type': 'application/json' };
    const orgId = (await (await fetch(`${base}/api/v1/me`, { headers })).json()).organization.id as string;
    const oppIds = (await owner.query(`select id from opportunities where organization_id = $1 and outcome = 'open' order by random() limit 5000`, [orgId])).rows.map((r) => r.id as string);
    const evIds = (await owner.query(`select id from evidence_items where organization_id = $1 order by random() limit 5000`, [orgId])).rows.map((r) => r.id as string);
    const contactByOpp = new Map(
      (await owner.query(`select o.id, (select c.id from contacts c where c.account_id = o.account_id limit 1) c from opportunities o where o.id = any($1)`, [oppIds])).rows.map((r) => [r.id as string, r.c as string | null]),
    );
    const stages = (await owner.query(`select stage, count(*) n from opportunities where organization_id = $1 group by 1 order by 2 desc limit 3`, [orgId])).rows.map((r) => r.stage as string);
    await owner.end();
    bare = spawn(process.execPath, [path.join(root, 'bench/bare-list.mjs')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: serverEnv({ ...process.env, DATABASE_URL: ownerUrl, PORT: String(barePort), ORG_ID: orgId, POOL_SIZE: String(defaultPoolSize()) }),
    });
    const bareBase = `http://127.0.0.1:${barePort}`;
    await waitHealthy(bareBase, performance.now(), '/health');
    // The bare shape must read what the list reads.
    const probe = `?outcome=open&stage=${stages[0]}&minValue=100000&sort=value&order=desc&limit=50`;
    const real = (await (await fetch(`${base}/api/v1/opportunities${probe}`, { headers })).json()) as { items: { id: string }[] };
    const plain = (await (await fetch(`${bareBase}/opportunities${probe}`)).json()) as { items: { id: string }[] };
    if (real.items.length !== 50 || JSON.stringify(real.items.map((i) => i.id)) !== JSON.stringify(plain.items.map((i) => i.id))) throw new Error('the bare list does not read the same rows as the list');
    let n = 0;
    const pick = <T>(xs: T[]) => xs[n++ % xs.length]!;

    const listPath = () => `?outcome=open&stage=${pick(stages)}&minValue=${(n % 5) * 100000}&sort=value&order=desc&limit=50`;
    const scenarios: { name: string; target: string; url?: string; requests: autocannon.Request[] }[] = [
      { name: 'baseline: one row by primary key', target: '', requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/evidence/${pick(evIds)}` }) }] },
      {
        name: 'list: filtered, sorted page of 50',
        target: '≥ 1,500 req/s, p99 ≤ 50 ms',
        requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/opportunities${listPath()}` }) }],
      },
      {
        name: 'bare list: same 50 rows, plain Fastify + pg',
        target: 'the limit of this shape',
        url: bareBase,
        requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/opportunities${listPath()}` }) }],
      },
      { name: 'detail: inference, risks, next actions', target: '≥ 1,000 req/s', requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/v1/opportunities/${pick(oppIds)}` }) }] },
      {
        name: 'write: log interaction (+evidence, re-inference, audit)',
        target: '≥ 500 req/s',
        requests: [
          {
            method: 'POST',
            setupRequest: (r) => {
              const id = pick(oppIds);
              const c = contactByOpp.get(id);
              return {
                ...r,
                path: '/api/v1/interactions',
                body: JSON.stringify({ opportunityId: id, type: 'call', summary: 'Benchmark call: budget discussed', contactIds: c ? [c] : [], evidence: [{ type: 'budget_known', value: '1,000,000 CNY', sourceContactId: c, verified: false }] }),
              };
            },
          },
        ],
      },
    ];

    const results: { name: string; target: string; rps: number; p50: number; p99: number; errors: number }[] = [];
    for (const s of scenarios.filter((x, i) => i === 0 || !ONLY || ONLY.some((o) => x.name.startsWith(o) || (o === 'list' && x.name.startsWith('bare list'))))) {
      // Warm-up, then the measured run.
      const url = s.url ?? base;
      await autocannon({ url, connections: CONNECTIONS, duration: 2, headers, requests: s.requests });
      const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, requests: s.requests });
      results.push({ name: s.name, target: s.target, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });
    }
    // The evaluation at scale (--only=evaluation runs it alone with the baseline).
    let evaluation: EvaluationBenchResult | null = null;
    if (!ONLY || ONLY.includes('evaluation')) evaluation = await evaluationBench(ownerUrl, base, say, CONNECTIONS, DURATION);
    // The bid rush, on the same server and database (--only=rush runs it alone with the baseline).
    let rush: RushResult | null = null;
    if (!ONLY || ONLY.includes('rush')) rush = await bidRush(ownerUrl, base, say, CONNECTIONS);
    const rss = rssMb(server.pid!);
    bare.kill('SIGINT');
    bare = null;
    server.kill('SIGINT');
    await new Promise((r) => server!.once('exit', r));
    server = null;

    // The way `npm start` starts on existing data: the server starts the embedded
    // PostgreSQL itself, applies (no) migrations, and serves.
    let coldMs = NaN;
    if (embedded) {
      await embedded.stop();
      embeddedStopped = true;
      const t2 = performance.now();
      server = spawn(process.execPath, [bundle], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: serverEnv({ ...process.env, DATABASE_URL: '', PROCURA_DATA_DIR: dataDir, PROCURA_PG_PORT: String(pgPort), PORT: String(httpPort), PROCURA_BASE_URL: `http://127.0.0.1:${httpPort}`, PROCURA_DEMO_DATA: 'false', LOG_LEVEL: 'warn' }),
      });
      await waitHealthy(base, t2);
      coldMs = performance.now() - t2;
    }

    // Pure-code stage inference rate.
    const model = getBuiltInModel('internal-8')!;
    const now = new Date();
    const evidence = ['need_expressed', 'budget_known', 'budget_approved', 'project_approved', 'purchasing_team_named', 'criteria_draft_received', 'tender_notice_published', 'bid_submitted', 'budget_cut', 'budget_approved', 'shortlisted'].map((type, i) => ({
      id: `e${i}`,
      type,
      occurredAt: new Date(now.getTime() - (20 - i) * 86_400_000),
      sourceContactId: `c${i % 3}`,
      verified: i % 2 === 0,
    }));
    let k = 0;
    const t1 = performance.now();
    while (performance.now() - t1 < 2000) {
      for (let j = 0; j < 1000; j++) inferStage({ model, evidence, now });
      k += 1000;
    }
    const inferPerSec = k / ((performance.now() - t1) / 1000);

    const baseline = results[0]!;
    say('');
    say(`Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per route after a 2 s warm-up, from a separate process.`);
    say('route                                                  req/s     p50 ms   p99 ms   ×baseline req/s  errors  target');
    for (const r of results) {
      say(
        `${r.name.padEnd(52)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(8)} ${(r.rps / baseline.rps).toFixed(2).padStart(12)} ${String(r.errors).padStart(9)}  ${r.target}`,
      );
    }
    say('');
    const list = results.find((r) => r.name.startsWith('list'));
    const bareList = results.find((r) => r.name.startsWith('bare list'));
    if (list && bareList) {
      say(`list against its bare shape: ${(list.rps / bareList.rps).toFixed(2)}× the bare req/s (${list.rps.toFixed(0)} / ${bareList.rps.toFixed(0)}), p99 ${list.p99.toFixed(0)} ms vs ${bareList.p99.toFixed(0)} ms: the stack (auth, tenancy, RLS, zod, presentation) costs ${((1 - list.rps / bareList.rps) * 100).toFixed(0)}% of the bare throughput`);
    }
    if (rush) {
      say('');
      say(`bid rush: ${rush.bids.toLocaleString()} suppliers, sealed bids of ${(rush.bidBytes / 1024).toFixed(0)} kB, ${rush.sent.toLocaleString()} submissions (${rush.sent - rush.bids} retries with the same Idempotency-Key), ${CONNECTIONS} connections`);
      say(`  ${rush.rps.toFixed(0)} bids/s (${(rush.rps / baseline.rps).toFixed(2)}× baseline), p50 ${rush.p50.toFixed(0)} ms, p99 ${rush.p99.toFixed(0)} ms, errors ${rush.errors}   (target ≥ 1,000 bids/s, p99 ≤ 100 ms)`);
      say(`  stored ${rush.stored.toLocaleString()} bid versions for ${rush.bids.toLocaleString()} bidders: ${rush.duplicates} stored twice; ${rush.receiptsChecked.toLocaleString()} receipts handed out, ${rush.receiptsBad} not matching a stored bid or its signature   (target 0 lost, 0 duplicated)`);
      say(`  opening of ${rush.opened.toLocaleString()} bids (rebuild the key, decrypt, record, audit): ${rush.openingSeconds.toFixed(2)} s   (target ≤ 5 s)`);
    }
    if (evaluation) {
      say('');
      say(`evaluation: ${evaluation.bids.toLocaleString()} opened bids, ${evaluation.members} members × ${evaluation.criteria} criteria (${(evaluation.bids * evaluation.members).toLocaleString()} stored sheets)`);
      say(`  close scoring → every total and rank (exact), the report and its hash, stored: ${evaluation.closeMs.toFixed(0)} ms   (target ≤ 1,000 ms); candidates ${evaluation.candidates.join(', ')}`);
      const c = evaluation.comparison;
      say(`  comparison table of ${c.bids} bids: ${c.rps.toFixed(0)} req/s (${(c.rps / baseline.rps).toFixed(2)}× baseline), p50 ${c.p50.toFixed(1)} ms, p99 ${c.p99.toFixed(1)} ms, errors ${c.errors}`);
    }
    say(`stage inferences per second (pure code, 11 evidence items): ${Math.round(inferPerSec).toLocaleString()}`);
    say(`server RSS at steady state (after the load): ${rss.toFixed(0)} MB   (target ≤ 300 MB)`);
    say(`start (existing data, PostgreSQL already up) to first HTTP 200: ${(startMs / 1000).toFixed(2)} s   (target ≤ 5 s)`);
    if (!Number.isNaN(coldMs)) say(`start (existing data, as \`npm start\`: embedded PostgreSQL started too) to first HTTP 200: ${(coldMs / 1000).toFixed(2)} s   (target ≤ 5 s)`);
  } finally {
    bare?.kill('SIGINT');
    if (server) {
      server.kill('SIGINT');
      await new Promise((r) => server!.once('exit', r));
    }
    if (!embeddedStopped) await embedded?.stop();
  }
}

async function waitHealthy(base: string, since: number, path = '/api/health'): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`${base}${path}`)).ok) return;
    } catch {
      /* not up yet */
    }
    if (performance.now() - since > 60_000) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  },
);
