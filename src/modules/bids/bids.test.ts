// Sealed bids (tendering.md "Receiving bids" 1–4, 8, 9), each property its own
// test: sealed through every path — API, lists, exports, audit view, timeline,
// notifications, the live stream, a superuser's read of every table and the
// database's own files —, receipts checked offline by the command line, late
// refused, an interrupted upload is no bid, concurrent retries store one
// version, concurrent hand-overs open once, and tampering is found.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, listenEvents, type TestEnv, type TestUser } from '../../../tests/api';
import { makeBuyWorld } from '../../../tests/fixtures';
import { DAY, enrolHolder, handOver, mustAs, publish, sealBid, tenderBody, type Holder } from '../../../tests/buy';
import { verifyAudit } from '../audit/service';
import { canonicalJson, toBase64, utf8 } from '../../domain/sealing/bytes';
import { sha256Hex } from '../../server/sealing-node';

let env: TestEnv;
let must: ReturnType<typeof mustAs>;
let buyer: TestUser;
let projectId: string;
let holders: Holder[];
let sellers: TestUser[];
const MARKER = 'SEALED-CONTENT-4711';
const PRICE = '7777.77';

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2027-05-10T01:00:00Z') });
  must = mustAs(env);
  buyer = await env.signUp({ org: '封标采购方', kind: 'buyer' });
  projectId = (await makeBuyWorld(env, buyer)).projectId;
  holders = [await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'manager')), await enrolHolder(env, await env.addMember(buyer, 'admin'))];
  sellers = [await env.signUp({ org: '投标甲', kind: 'seller' }), await env.signUp({ org: '投标乙', kind: 'seller' }), await env.signUp({ org: '投标丙', kind: 'both' })];
});
afterAll(() => env.close());

async function tenderWithBids(o: Parameters<typeof tenderBody>[3] = {}, bidders = sellers) {
  const t = await must(buyer, 'POST', '/api/v1/tenders', tenderBody(projectId, holders, env.clock.now(), o));
  await publish(env, buyer, t.id);
  const pub = await must(bidders[0]!, 'GET', `/api/v1/market/tenders/${t.id}`);
  for (const s of bidders) await must(s, 'POST', `/api/v1/market/tenders/${t.id}/bid`, sealBid(pub, s.orgId, PRICE, { statement: `${MARKER} ${s.orgId}`, documents: [{ name: `${MARKER}.txt`, mediaType: 'text/plain', sha256: '0'.repeat(64), data: toBase64(new TextEncoder().encode(MARKER)) }] }));
  return { id: t.id as string, pub, deadline: new Date(pub.timeline.deadline).getTime() };
}

describe('sealed until the opening, through every path', () => {
  it('the buyer finds no bid content in anything the API gives it; the attempt to read bids is refused and recorded', async () => {
    const { id } = await tenderWithBids();
    const reads = [
      `/api/v1/tenders/${id}`,
      '/api/v1/tenders',
      `/api/v1/tenders/${id}/audit`,
      `/api/v1/tenders/${id}/opening`,
      `/api/v1/tenders/${id}/questions`,
      `/api/v1/projects/${projectId}/timeline`,
      '/api/v1/notifications',
      '/api/v1/outbox',
    ];
    for (const url of reads) {
      const r = await env.request(buyer, 'GET', url);
      expect(r.status, url).toBe(200);
      const text = JSON.stringify(r.body);
      expect(text, url).not.toContain(MARKER);
      expect(text, url).not.toContain(PRICE);
      for (const s of sellers) expect(text, url).not.toContain(s.orgId);
    }
    const bids = await env.request(buyer, 'GET', `/api/v1/tenders/${id}/bids`);
    expect(bids.status).toBe(409);
    expect(bids.body.code).toBe('bids.sealed');
    // Nor does another bidder see anything of its competitors.
    const other = JSON.stringify(await must(sellers[1]!, 'GET', `/api/v1/market/tenders/${id}`));
    expect(other).not.toContain(sellers[0]!.orgId);
    expect(other).not.toContain(`${MARKER} ${sellers[0]!.orgId}`);
  });

  it('nor does the live stream carry it', async () => {
    const live = await listenEvents(env, buyer);
    const { id } = await tenderWithBids();
    const received = await live.stop();
    expect(received).toContain(id);
    expect(received).not.toContain(MARKER);
    expect(received).not.toContain(PRICE);
  });

  it('a superuser who reads every table, and the database files themselves, finds only ciphertext', async () => {
    await tenderWithBids();
    const tables = (await env.sql<{ t: string }>(`select quote_ident(tablename) as t from pg_tables where schemaname = 'public'`)).map((r) => r.t);
    expect(tables).toContain('bid_versions');
    for (const t of tables) {
      const rows = await env.sql<{ x: string }>(`select t::text as x from ${t} t`);
      for (const r of rows) {
        // bytea shows as hex: look for the marker's bytes too.
        const hex = Buffer.from(MARKER).toString('hex');
        expect(r.x, t).not.toContain(MARKER);
        expect(r.x, t).not.toContain(hex);
        expect(r.x, t).not.toContain(PRICE);
      }
    }
    // A backup of the files: after a checkpoint, no data file holds the plaintext.
    await env.sql('checkpoint');
    const dataDir = (await env.sql<{ d: string }>(`select current_setting('data_directory') as d`))[0]!.d;
    const db = (await env.sql<{ oid: number }>('select oid from pg_database where datname = current_database()'))[0]!.oid;
    const dir = path.join(dataDir, 'base', String(db));
    let scanned = 0;
    for (const f of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(bytes.includes(Buffer.from(MARKER)), f).toBe(false);
      expect(bytes.includes(Buffer.from(PRICE)), f).toBe(false);
      scanned += bytes.length;
    }
    expect(scanned).toBeGreaterThan(1_000_000);
  });
});

describe('receipts, deadlines and retries', () => {
  it('a receipt is checked offline by `procura verify-receipt`, and a changed one is not', async () => {
    const { id, pub } = await tenderWithBids({}, [sellers[0]!]);
    const sealed = sealBid(pub, sellers[0]!.orgId, '10.00');
    const r = await must(sellers[0]!, 'POST', `/api/v1/market/tenders/${id}/bid`, sealed);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-'));
    fs.writeFileSync(path.join(dir, 'receipt.json'), JSON.stringify(r.receipt));
    fs.writeFileSync(path.join(dir, 'sealed.json'), JSON.stringify(sealed));
    const key = toBase64(env.platformKey.publicKey);
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, PROCURA_DATA_DIR: dir } });
    const ok = cli('verify-receipt', path.join(dir, 'receipt.json'), '--bid', path.join(dir, 'sealed.json'), '--public-key', key);
    expect(ok.stdout).toContain('Valid receipt');
    expect(ok.status).toBe(0);
    const forged = { ...r.receipt, receipt: { ...r.receipt.receipt, receivedAt: '2027-01-01T00:00:00.000Z' } };
    fs.writeFileSync(path.join(dir, 'forged.json'), JSON.stringify(forged));
    const bad = cli('verify-receipt', path.join(dir, 'forged.json'), '--public-key', key);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('does not match');
    // The platform's key is published for anyone.
    expect((await env.request(null, 'GET', '/api/v1/platform/receipt-key')).body.publicKey).toBe(key);
  });

  it('twenty retries of one submission at once store one version and hand out one receipt', async () => {
    const { id, pub } = await tenderWithBids({}, [sellers[1]!]);
    const body = sealBid(pub, sellers[1]!.orgId, '11.00');
    const key = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => env.request(sellers[1]!, 'POST', `/api/v1/market/tenders/${id}/bid`, body, { 'idempotency-key': key })));
    const ok = answers.filter((a) => a.status === 201);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => JSON.stringify(a.body.receipt))).size).toBe(1);
    const versions = await env.sql(`select v.version from bid_versions v join bids b on b.id = v.bid_id where b.tender_id = $1 order by v.version`, [id]);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('a withdrawal sent at the same moment as new versions withdraws the bid as it is: each withdrawal names its own version', async () => {
    const { id, pub } = await tenderWithBids({}, [sellers[2]!]);
    const url = `/api/v1/market/tenders/${id}/bid`;
    const answers = await Promise.all([
      env.request(sellers[2]!, 'POST', url, sealBid(pub, sellers[2]!.orgId, '13.00')),
      env.request(sellers[2]!, 'POST', `${url}/withdraw`),
      env.request(sellers[2]!, 'POST', url, sealBid(pub, sellers[2]!.orgId, '14.00')),
      env.request(sellers[2]!, 'POST', `${url}/withdraw`),
    ]);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const rows = await env.sql(`select v.version, v.kind, v.sha256, b.id bid_id from bid_versions v join bids b on b.id = v.bid_id where b.tender_id = $1 order by v.version`, [id]);
    expect(rows.map((r) => r.version)).toEqual(rows.map((_, i) => i + 1));
    for (const w of rows.filter((r) => r.kind === 'withdraw')) {
      expect(w.sha256).toBe(sha256Hex(utf8(canonicalJson({ format: 'procura-withdrawal/1', tenderId: id, bidId: w.bid_id, version: w.version }))));
    }
  });

  it('an interrupted upload is no bid', async () => {
    const { id, pub } = await tenderWithBids({}, [sellers[0]!]);
    const before = (await env.sql(`select count(*)::int n from bid_versions where tender_id = $1`, [id]))[0].n;
    const address = new URL(await env.rt.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => env.rt.app.server.address() && `http://127.0.0.1:${(env.rt.app.server.address() as net.AddressInfo).port}`) as string);
    const payload = JSON.stringify(sealBid(pub, sellers[0]!.orgId, '12.00'));
    await new Promise<void>((resolve) => {
      const sock = net.connect(Number(address.port), '127.0.0.1', () => {
        sock.write(`POST /api/v1/market/tenders/${id}/bid HTTP/1.1\r\nHost: x\r\nCookie: ${sellers[0]!.cookie}\r\nContent-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n${payload.slice(0, payload.length / 2)}`);
        setTimeout(() => sock.destroy(), 200);
      });
      sock.on('close', () => resolve());
      sock.on('error', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 200));
    expect((await env.sql(`select count(*)::int n from bid_versions where tender_id = $1`, [id]))[0].n).toBe(before);
  });

  it('the database itself refuses a version stamped at or after the deadline, whatever path writes it', async () => {
    const { id, deadline } = await tenderWithBids({}, [sellers[0]!]);
    const v = (await env.sql(`select * from bid_versions where tender_id = $1 limit 1`, [id]))[0];
    await expect(
      env.sql(`insert into bid_versions (organization_id, buyer_org_id, tender_id, bid_id, version, kind, received_at, receipt) values ($1, $2, $3, $4, 99, 'withdraw', $5, '{}')`, [v.organization_id, v.buyer_org_id, id, v.bid_id, new Date(deadline).toISOString()]),
    ).rejects.toThrow(/deadline/);
  });
});

describe('the opening', () => {
  it('three key holders handing over at once open the tender once', async () => {
    const { id, deadline } = await tenderWithBids({ minValidBids: 2 });
    env.clock.set(deadline + 1000);
    const answers = await Promise.all(holders.map((h) => handOver(env, h, id)));
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(2);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect((await env.sql(`select count(*)::int n from tender_openings where tender_id = $1 and status = 'opened'`, [id]))[0].n).toBe(1);
    expect((await env.sql(`select count(*)::int n from bid_openings where tender_id = $1`, [id]))[0].n).toBe(3);
    const bids = await must(buyer, 'GET', `/api/v1/tenders/${id}/bids`);
    expect(bids.items.every((b: { outcome: string; statement: string }) => b.outcome === 'opened' && b.statement.startsWith(MARKER))).toBe(true);
    // The key is published so that anyone can re-check the opening.
    expect((await must(sellers[0]!, 'GET', `/api/v1/market/tenders/${id}`)).keys[0].secretPublished).toBe(true);
  });

  it('a bid whose stored ciphertext was altered is judged by its receipt: the platform is at fault (withdrawn), the others open', async () => {
    const { id, deadline } = await tenderWithBids({ minValidBids: 2 });
    const victim = (await env.sql(`select v.id, v.submission from bid_versions v where tender_id = $1 and organization_id = $2`, [id, sellers[1]!.orgId]))[0];
    // A character inside the sealed content (its ciphertext), as storage corruption or tampering would change it.
    const at = (victim.submission as string).lastIndexOf('"ciphertext":"') + 40;
    const altered = victim.submission.slice(0, at) + (victim.submission[at] === 'A' ? 'B' : 'A') + victim.submission.slice(at + 1);
    await env.sql(`alter table bid_versions disable trigger bid_versions_guard`);
    await env.sql(`update bid_versions set submission = $1 where id = $2`, [altered, victim.id]);
    await env.sql(`alter table bid_versions enable trigger bid_versions_guard`);
    // The verifier names it.
    const report = await verifyAudit(env.ownerUrl, env.platformKey.publicKey);
    expect(report.ok).toBe(false);
    expect(report.broken).toContain('does not match its SHA-256');
    env.clock.set(deadline + 1000);
    await handOver(env, holders[0]!, id);
    const done = await handOver(env, holders[1]!, id);
    const outcomes = Object.fromEntries(done.body.records[0].bids.map((b: { bidderName: string; outcome: string }) => [b.bidderName, b.outcome]));
    expect(outcomes).toEqual({ 投标甲: 'opened', 投标乙: 'withdrawn', 投标丙: 'opened' });
    await env.sql(`update bid_versions set submission = $1 where id = $2`, [victim.submission, victim.id]);
  });

  it('an altered audit entry is found by the verifier, naming the entry', async () => {
    expect((await verifyAudit(env.ownerUrl, env.platformKey.publicKey)).ok).toBe(true);
    const e = (await env.sql(`select organization_id, seq from audit_chain where organization_id = $1 order by seq desc limit 1 offset 3`, [buyer.orgId]))[0];
    await env.sql(`update audit_chain set data = '{"forged": true}' where organization_id = $1 and seq = $2`, [e.organization_id, e.seq]);
    const report = await verifyAudit(env.ownerUrl, env.platformKey.publicKey);
    expect(report.ok).toBe(false);
    expect(report.broken).toContain(`entry ${e.seq}`);
    expect(report.broken).toContain('changed after it was written');
  });
});
