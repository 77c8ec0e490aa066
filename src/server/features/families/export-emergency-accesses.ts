// SPDX-License-Identifier: EUPL-1.2
// The emergency accesses list as CSV (audited as an export).
import type { z } from 'zod';
import type { EmergencyAccess, emergencyAccessQuerySchema } from '../../../contracts/families.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { EXPORT_WINDOW, toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findEmergencyAccesses } from './list-emergency-accesses.js';
import type { UseCaseContext } from './store.js';

const text = nl.emergency;
const COLUMNS: CsvColumn<EmergencyAccess>[] = [
  { header: 'id', value: (row) => row.id },
  { header: text.columnPerson, value: (row) => row.personName },
  { header: text.columnOrganisation, value: (row) => row.organisationName },
  { header: text.columnReason, value: (row) => row.reason },
  { header: text.columnStartedAt, value: (row) => row.startedAt },
  { header: text.columnExpiresAt, value: (row) => row.expiresAt },
  { header: text.columnReviewedAt, value: (row) => row.reviewedAt },
  { header: text.columnReviewedBy, value: (row) => row.reviewedByName },
  { header: text.columnReviewNote, value: (row) => row.reviewNote },
  { header: text.columnFamily, value: (row) => row.familyId },
];

export async function exportEmergencyAccesses(ctx: UseCaseContext, query: z.infer<typeof emergencyAccessQuerySchema>): Promise<string> {
  const found = await ctx.store.export({
    resource: 'emergency_access',
    perform: (tx, scope) => findEmergencyAccesses(tx, scope, query.status, EXPORT_WINDOW, undefined, query.sorteer),
    details: (result) => ({ rowCount: result.rows.length, total: result.total }),
    clientIds: (result) => result.rows.map((row) => row.familyId),
  });
  return toCsv(COLUMNS, found.rows);
}
