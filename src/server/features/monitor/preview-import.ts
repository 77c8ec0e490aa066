// SPDX-License-Identifier: EUPL-1.2
// Checks an aggregate import file in full and shows what would be stored, without storing anything.
import type { AreaLevel, ImportPreview } from '../../../contracts/monitor.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { Executor } from '../../platform/db/connection.js';
import { checkImportFile, SAMPLE_SIZE, type CheckedImport } from './import-file.js';
import { indicatorByKey } from './definitions/indicators.js';
import { loadAreas } from './monitor-store.js';

/** Imported years: from the first monitor data onwards, never in the future. */
const FIRST_IMPORT_YEAR = 1990;

/**
 * Also gives each known area's level: a KS code is a local coalition or a regional collaboration,
 * which only the register tells (both kinds share the code form).
 */
export async function checkAgainstReference(db: Executor, bytes: Uint8Array, now: Date): Promise<CheckedImport & { levelOf: (code: string) => AreaLevel }> {
  const areas = await loadAreas(db);
  const checked = checkImportFile(bytes, {
    indicatorByKey,
    isKnownArea: (code) => areas.byCode.has(code),
    years: { min: FIRST_IMPORT_YEAR, max: now.getUTCFullYear() },
  });
  return { ...checked, levelOf: (code) => areas.byCode.get(code)!.level };
}

export async function previewImport(ctx: RequestContext, bytes: Uint8Array): Promise<ImportPreview> {
  const checked = await ctx.store.readAggregates({
    resource: 'monitor_import',
    action: 'read',
    perform: (db) => checkAgainstReference(db, bytes, ctx.now()),
  });
  return {
    isValid: checked.errorCount === 0,
    rowCount: checked.rowCount,
    errorCount: checked.errorCount,
    errors: checked.errors,
    sample: checked.rows.slice(0, SAMPLE_SIZE).map(({ line: _line, ...row }) => row),
  };
}
