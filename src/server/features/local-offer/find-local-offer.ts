// SPDX-License-Identifier: EUPL-1.2
// The local offer across coalitions: in one municipality (offers of its current coalitions for the
// whole coalition or for that municipality), of one menu intervention, or all — paged. Every
// logged-in person reads it; as CSV too.
import { and, eq, exists, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { LocalOffer, LocalOfferPage, LocalOfferQuery } from '../../../contracts/local-offer.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { Executor } from '../../platform/db/connection.js';
import { EXPORT_WINDOW, windowOf, type RowWindow } from '../../platform/http/listing.js';
import type { UseCaseContext } from '../coalition-partners/store.js';
import { coalitionMunicipalities, coalitions } from '../coalitions/schema.js';
import { localOffers } from './schema.js';
import { findOffers, membersOf, toLocalOffer } from './store.js';
import { offerCsv } from './list-coalition-offer.js';

type Filters = Omit<LocalOfferQuery, 'page' | 'pageSize'>;

function conditions(filters: Filters, today: string): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(coalitions.isActive, true)];
  if (filters.intervention) parts.push(eq(localOffers.interventionKey, filters.intervention));
  if (filters.current === 'true') parts.push(lte(localOffers.since, today), or(isNull(localOffers.until), gte(localOffers.until, today)));
  if (filters.municipality) {
    const code = filters.municipality;
    parts.push(
      or(eq(localOffers.municipalityCode, code), isNull(localOffers.municipalityCode)),
      exists(
        sql`(SELECT 1 FROM ${coalitionMunicipalities} WHERE ${coalitionMunicipalities.coalitionId} = ${localOffers.coalitionId}
             AND ${coalitionMunicipalities.municipalityCode} = ${code} AND ${coalitionMunicipalities.until} IS NULL)`,
      ),
    );
  }
  return and(...parts);
}

async function select(tx: Executor, ctx: UseCaseContext, filters: Filters, window: RowWindow): Promise<{ items: LocalOffer[]; total: number }> {
  const where = conditions(filters, amsterdamDate(ctx.now()));
  const rows = await findOffers(tx, where).limit(window.limit).offset(window.offset);
  const [counted] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(localOffers)
    .innerJoin(coalitions, eq(coalitions.id, localOffers.coalitionId))
    .where(where);
  const members = await membersOf(tx, [...new Set(rows.map((row) => row.offer.coalitionId))]);
  return { items: rows.map((row) => toLocalOffer(row, ctx.store.actor, ctx.now(), members.get(row.offer.coalitionId)!)), total: counted!.total };
}

export async function findLocalOffer(ctx: UseCaseContext, query: LocalOfferQuery): Promise<LocalOfferPage> {
  const { page, pageSize, ...filters } = query;
  const found = await ctx.store.search({
    resource: 'coalition',
    objectType: 'local_offer',
    perform: (tx) => select(tx, ctx, filters, windowOf({ page, pageSize })),
    details: (result) => ({ resultCount: result.items.length, total: result.total }),
  });
  return { ...found, page, pageSize };
}

export async function exportLocalOffer(ctx: UseCaseContext, query: LocalOfferQuery): Promise<string> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const found = await ctx.store.search({
    resource: 'coalition',
    objectType: 'local_offer',
    perform: (tx) => select(tx, ctx, filters, EXPORT_WINDOW),
    details: (result) => ({ resultCount: result.items.length, export: 'csv' }),
  });
  return offerCsv(found.items);
}
