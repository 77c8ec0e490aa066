// SPDX-License-Identifier: EUPL-1.2
// The screenings in a family's file, newest first.
import type { ScreeningSummary } from '../../../contracts/screening.js';
import { actOnFamily } from '../families/care-access.js';
import { loadScreeningsOfFamily, toScreeningSummary, type UseCaseContext } from './store.js';

export async function listScreenings(ctx: UseCaseContext, familyId: string): Promise<{ items: ScreeningSummary[] }> {
  const rows = await actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'read',
    objectType: 'screening',
    perform: (tx) => loadScreeningsOfFamily(tx, familyId),
    details: (found) => ({ count: found.length }),
  });
  return { items: rows.map(toScreeningSummary) };
}
