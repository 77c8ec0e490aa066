// SPDX-License-Identifier: EUPL-1.2
// The coalition workspace's side of the parent pages: everyone logged in reads a coalition's content;
// its coordinators write it (all at once, with the day it was checked; `version` is the one they saw,
// 0 when there is none yet). Audited as a change of the coalition.
import { eq, sql } from 'drizzle-orm';
import type { ParentContentRecord, ParentContentUpdate } from '../../../contracts/parents-public.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { locateCoalition, type LocatedCoalition, type UseCaseContext } from '../coalition-partners/store.js';
import { parentPages } from './schema.js';

type PageRow = typeof parentPages.$inferSelect;

const toRecord = (coalitionCode: string, row: PageRow): ParentContentRecord => ({
  coalitionCode,
  content: row.content,
  reviewedOn: row.reviewedOn,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

async function pageOf(tx: Executor, coalitionId: string, lock = false): Promise<PageRow | undefined> {
  const query = tx.select().from(parentPages).where(eq(parentPages.coalitionId, coalitionId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** One audited act on a coalition's parent content: the policy on the coalition first, then the work. */
function onCoalition(
  ctx: UseCaseContext,
  code: string,
  action: 'read' | 'update',
  perform: (tx: Executor, coalition: { id: string; code: string }) => Promise<ParentContentRecord>,
): Promise<ParentContentRecord> {
  const located: { found?: LocatedCoalition } = {};
  return ctx.store.act({
    resource: 'coalition',
    action,
    objectId: code,
    objectType: 'parent_content',
    locate: (tx) => locateCoalition(tx, code, located),
    perform: (tx) => perform(tx, located.found!.ref),
    details: (record) => (action === 'update' ? { version: record.version, reviewedOn: record.reviewedOn } : null),
  });
}

export async function getParentContent(ctx: UseCaseContext, code: string): Promise<ParentContentRecord> {
  return onCoalition(ctx, code, 'read', async (tx, coalition) => {
    const row = await pageOf(tx, coalition.id);
    if (!row) throw new AppError('not_found');
    return toRecord(coalition.code, row);
  });
}

export async function updateParentContent(ctx: UseCaseContext, code: string, input: ParentContentUpdate): Promise<ParentContentRecord> {
  if (input.reviewedOn > amsterdamDate(ctx.now())) {
    const message = nl.parentsPublic.errorReviewedInFuture;
    throw new AppError('validation_failed', { message, errors: [{ path: 'body.reviewedOn', message }] });
  }
  return onCoalition(ctx, code, 'update', async (tx, coalition) => {
    const current = await pageOf(tx, coalition.id, true);
    if ((current?.version ?? 0) !== input.version) throw new AppError('stale_version');
    const values = { content: input.content, reviewedOn: input.reviewedOn, updatedAt: ctx.now() };
    if (current) await tx.update(parentPages).set({ ...values, version: sql`${parentPages.version} + 1` }).where(eq(parentPages.coalitionId, coalition.id));
    // Two first writes racing: the primary key lets one through; the other is told it is stale.
    else if ((await tx.insert(parentPages).values({ coalitionId: coalition.id, ...values }).onConflictDoNothing().returning({ id: parentPages.coalitionId })).length === 0) {
      throw new AppError('stale_version');
    }
    return toRecord(coalition.code, (await pageOf(tx, coalition.id))!);
  });
}
