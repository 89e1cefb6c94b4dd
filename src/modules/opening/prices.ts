// The second opening of a two-envelope tender (tendering.md "Evaluation"): once
// technical scoring has closed, the key holders hand over their shares of the
// price key, and only the price envelopes of bids that passed screening are
// opened — the others stay sealed for good. The result and the report follow in
// the same transaction (modules/evaluation).
import type { z } from 'zod';
import { withTenant, type TenantContext } from '../../db/tenant';
import { rebuildFromAny } from '../../domain/sealing/tender-key';
import { text } from '../../domain/i18n';
import { forbidden } from '../../server/errors';
import { sha256Hex } from '../../server/sealing-node';
import { recordAudit } from '../audit/service';
import { evaluationService } from '../evaluation/service';
import { tenderLinkService } from '../tender-link/service';
import { tenderPolicy } from '../tenders/policy';
import { tenderRepo } from '../tenders/repository';
import { emitTender, ownTender, stateError, tellConcerned } from '../tenders/service';
import { openingRepo } from './repository';
import type { ShareBody } from './schema';
import { openAll, openingService, takeShare, type OpeningDeps } from './service';

export async function handOverPrice(deps: OpeningDeps, ctx: TenantContext, id: string, body: z.infer<typeof ShareBody>) {
  let told: string[] = [];
  const out = await withTenant(deps.db, ctx, async (tx) => {
    const t = await ownTender(tx, ctx, id, { forUpdate: true });
    const now = deps.clock.now();
    if (!tenderPolicy.holdsKey(t.keyHolderIds, ctx.userId)) throw forbidden('opening.not_key_holder', text('只有本招标指定的密钥持有人可以提交开标密钥分片。', "Only the tender's named key holders hand over shares."));
    const e = await evaluationService.forAward(tx, id);
    if (t.envelopes !== 'two' || t.status !== 'opened' || e?.phase !== 'prices') {
      throw stateError('opening.prices_not_due', text('报价信封在技术评审（评分）结束后才开启。', 'Price envelopes open once technical evaluation has closed.'));
    }
    await takeShare(tx, ctx, t, 'price', body.share, now);
    const shares = await openingRepo.shares(tx, id, 'price');
    const waiting = { organizationId: ctx.orgId, tenderId: id, envelope: 'price', status: 'waiting', record: null, openedAt: null, updatedAt: now };
    if (shares.length < t.keyThreshold) {
      await openingRepo.upsertOpening(tx, waiting);
      return openingService.stateIn(tx, deps, ctx, id);
    }
    const key = (await tenderRepo.keys(tx, id)).find((k) => k.envelope === 'price')!;
    const rebuilt = await rebuildFromAny({ publicKey: key.publicKey }, shares.map((s) => new Uint8Array(s.share)), t.keyThreshold);
    if (!rebuilt) {
      await openingRepo.upsertOpening(tx, waiting);
      await recordAudit(tx, ctx, { at: now, action: 'opening.key_mismatch', tenderId: id, subjectId: ctx.userId, data: { envelope: 'price', shares: shares.length } });
      return openingService.stateIn(tx, deps, ctx, id);
    }
    const passed = await evaluationService.compliantBidIds(tx, id);
    const found = await openAll(tx, deps.db, ctx, t, 'price', rebuilt.secret, now, passed);
    const record = { validBids: found.length, minValidBids: t.minValidBids, bids: found, note: 'price envelopes of the bids that passed screening' };
    await openingRepo.upsertOpening(tx, { ...waiting, status: 'opened', record, openedAt: now });
    await tenderRepo.publishSecret(tx, id, 'price', Buffer.from(rebuilt.secret));
    rebuilt.secret.fill(0);
    await openingRepo.clearShares(tx, id, 'price');
    await recordAudit(tx, ctx, { at: now, action: 'tender.prices_opened', tenderId: id, data: { recordSha256: sha256Hex(new TextEncoder().encode(JSON.stringify(record))), bids: found.length, holders: rebuilt.used.map((i) => shares[i]!.holderUserId) } });
    await evaluationService.pricesOpened(tx, deps, ctx, id, now);
    told = await tellConcerned(tx, ctx, deps, id, { kind: 'opening_record', tenderId: id, title: text(`报价开启记录：${t.number}`, `Price opening record: ${t.number}`), body: text(`通过初步评审的 ${found.length} 份投标的报价信封已于 ${now.toISOString()} 开启。`, `The price envelopes of the ${found.length} bids that passed screening were opened at ${now.toISOString()}.`), link: `/supplier/tenders/${id}` }, now);
    return openingService.stateIn(tx, deps, ctx, id);
  });
  emitTender(deps.events, [ctx.orgId, ...told], id);
  if (told.length) await tenderLinkService.syncOrgs(deps, told, id);
  return out;
}
