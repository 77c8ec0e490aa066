// SPDX-License-Identifier: EUPL-1.2
// Stores an aggregate import file: all of it in one transaction when every line is right, nothing
// otherwise. The same file twice is harmless: the second submit returns the first import.
import { createHash } from 'node:crypto';
import type { MonitorImport } from '../../../contracts/monitor.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { checkAgainstReference } from './preview-import.js';
import { findImportByHash, insertImport, type StoredImport } from './monitor-store.js';

export async function importAggregates(ctx: RequestContext, bytes: Uint8Array, fileName: string): Promise<MonitorImport> {
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  const earlier = await findEarlierImport(ctx, contentHash);
  if (earlier) return toMonitorImport(earlier, false);
  try {
    const stored = await ctx.store.create({
      resource: 'monitor_import',
      target: { organisationIds: [] },
      perform: async (tx) => {
        // Checked inside the transaction, against the reference data it stores with.
        const checked = await checkAgainstReference(tx, bytes, ctx.now());
        if (checked.errorCount > 0) {
          throw new AppError('validation_failed', {
            errors: checked.errors.map((error) => ({ path: error.column ? `${error.line}.${error.column}` : String(error.line), message: error.message })),
          });
        }
        const counts = checked.rows.map(({ line: _line, ...row }) => ({ ...row, areaLevel: checked.levelOf(row.areaCode) }));
        return insertImport(tx, { fileName, contentHash, importedBy: ctx.actor.personId, importedAt: ctx.now() }, counts);
      },
    });
    return toMonitorImport(stored, true);
  } catch (error) {
    // Two submits of the same file at once: the unique hash lets one through; the other gets it back.
    if (isUniqueViolation(error)) {
      const winner = await findEarlierImport(ctx, contentHash);
      if (winner) return toMonitorImport(winner, false);
    }
    throw error;
  }
}

function findEarlierImport(ctx: RequestContext, contentHash: string) {
  return ctx.store.readAggregates({ resource: 'monitor_import', action: 'read', perform: (db) => findImportByHash(db, contentHash) });
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current) {
    if (current.code === '23505') return true;
  }
  return false;
}

function toMonitorImport(stored: StoredImport, isNew: boolean): MonitorImport {
  return {
    id: stored.id,
    fileName: stored.fileName,
    contentHash: stored.contentHash,
    rowCount: stored.rowCount,
    importedAt: stored.importedAt.toISOString(),
    isNew,
  };
}
