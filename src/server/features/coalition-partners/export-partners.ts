// SPDX-License-Identifier: EUPL-1.2
// A coalition's partners as a CSV file (audited as an export).
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { PartnerList } from '../../../contracts/coalition-partners.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { findPartners, locateCoalition, toPartner, type LocatedCoalition, type UseCaseContext } from './store.js';

type Row = PartnerList['items'][number];
const text = nl.coalitionPartners;

const COLUMNS: CsvColumn<Row>[] = [
  { header: text.columnName, value: (row) => row.name },
  { header: text.columnKind, value: (row) => (row.organisationId ? text.kindPlatform : text.kindExternal) },
  { header: text.columnDomain, value: (row) => nl.coalitionPartnerDomains[row.domain] },
  { header: text.columnLevel, value: (row) => nl.coalitionPartnerLevels[row.level] },
  { header: text.columnRole, value: (row) => row.role },
  { header: text.columnSince, value: (row) => row.since },
  { header: text.columnUntil, value: (row) => row.until },
  { header: text.columnWanted, value: (row) => row.isWanted },
  { header: text.columnContact, value: (row) => row.contactName },
  { header: text.columnEmail, value: (row) => row.contactEmail },
];

export async function exportPartners(ctx: UseCaseContext, code: string): Promise<string> {
  const located: { found?: LocatedCoalition } = {};
  const rows = await ctx.store.act({
    resource: 'coalition',
    action: 'export',
    objectId: code,
    objectType: 'coalition_partner',
    locate: (tx) => locateCoalition(tx, code, located),
    perform: async (tx, target) => {
      const today = amsterdamDate(ctx.now());
      return (await findPartners(tx, located.found!.ref.id)).map((row) => toPartner(row, ctx.store.actor, target, today));
    },
    details: (result) => ({ resultCount: result.length }),
  });
  return toCsv(COLUMNS, rows);
}
