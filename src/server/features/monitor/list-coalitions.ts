// SPDX-License-Identifier: EUPL-1.2
// The active coalitions of both kinds (local: level 'coalition'; regional: level 'regional') and their
// current member municipalities: coalitions have no boundaries of their own, so the map colours each
// member municipality by its coalition's (suppressed) figure.
import type { MonitorCoalition } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import { listActiveCoalitions } from '../coalitions/coalition-store.js';
import type { ExportTable } from './export-figures.js';

export async function computeCoalitionList(db: Executor): Promise<MonitorCoalition[]> {
  return listActiveCoalitions(db);
}

const text = nl.monitor;
export function coalitionListTable(coalitions: MonitorCoalition[]): ExportTable<MonitorCoalition> {
  return {
    baseName: 'kansrijk-coalities',
    rows: coalitions,
    columns: [
      { header: text.columnAreaCode, value: (row) => row.code },
      { header: text.columnAreaName, value: (row) => row.name },
      { header: nl.monitorLevels.columnKind, value: (row) => (row.kind === 'local' ? nl.monitorLevels.kindLocal : nl.monitorLevels.kindRegional) },
      { header: text.columnMunicipalities, value: (row) => row.municipalityCodes.join(' ') },
    ],
  };
}
