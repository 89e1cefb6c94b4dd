// Which side of Procura an organization uses (its kind): the sell side for
// seller and both, the buy side for buyer and both. Routes of one side refuse
// organizations of the other with a 403 that says so.
import type { TenantContext } from '../../db/tenant';
import { text } from '../../domain/i18n';
import { forbidden } from '../../server/errors';

export const buysSide = (ctx: Pick<TenantContext, 'kind'>) => ctx.kind === 'buyer' || ctx.kind === 'both';
export const sellsSide = (ctx: Pick<TenantContext, 'kind'>) => ctx.kind === undefined || ctx.kind === 'seller' || ctx.kind === 'both';

export function requireBuyer(ctx: Pick<TenantContext, 'kind'>): void {
  if (!buysSide(ctx)) {
    throw forbidden('organization.not_a_buyer', text('采购功能只对采购方组织开放（类型为“采购方”或“两者”）。', 'The buy side is for buyer organizations (kind buyer or both).'));
  }
}

export function requireSupplier(ctx: Pick<TenantContext, 'kind'>): void {
  if (!sellsSide(ctx)) {
    throw forbidden('organization.not_a_supplier', text('投标只对供应商组织开放（类型为“销售方”或“两者”）。', 'Bidding is for supplier organizations (kind seller or both).'));
  }
}
