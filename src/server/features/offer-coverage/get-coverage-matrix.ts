// SPDX-License-Identifier: EUPL-1.2
// The coverage matrix (issue 13 item 7a): for every risk factor of the catalogue and every municipality
// in scope, whether a published pathway applies — the municipality's own, else its (local, current)
// coalition's, the finder's rule — and whether it is outdated: its review date has passed, or a
// directory service one of its steps names is not recently checked (or switched off). As CSV with the
// same cells.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { CoverageMatrix, CoverageStatus } from '../../../contracts/offer-coverage.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { toCsv } from '../../platform/http/listing.js';
import { confirmationDueAt, verificationStatus } from '../services/domain/verification.js';
import { onCoverageScope, scopeOf, type CoverageScope } from './coverage-scope.js';
import { offerDataVersion } from './schema.js';

type Reason = 'review_due_passed' | 'service_overdue';
interface Judged {
  status: 'present' | 'outdated';
  reasons: Reason[];
}

/**
 * The directory services each published pathway version names, by version id. A published version
 * never changes (editing makes a new version), so what was read once stays true: only versions not
 * seen before are read, and the matrix does not parse every pathway on every request.
 */
const SERVICE_IDS_OF_VERSION = new Map<string, readonly string[]>();
const SERVICE_ID_CACHE_LIMIT = 100_000;

async function serviceIdsOf(tx: Executor, versionIds: readonly string[]): Promise<void> {
  const missing = versionIds.filter((id) => !SERVICE_IDS_OF_VERSION.has(id));
  if (missing.length === 0) return;
  if (SERVICE_IDS_OF_VERSION.size + missing.length > SERVICE_ID_CACHE_LIMIT) SERVICE_IDS_OF_VERSION.clear();
  const rows = await queryRows<{ id: string; service_ids: string[] | null }>(tx, sql`
    SELECT id, (SELECT array_agg(DISTINCT s->>'serviceId') FROM jsonb_array_elements(content->'steps') st, jsonb_array_elements(st->'services') s
        WHERE s ? 'serviceId') AS service_ids
    FROM care_pathways WHERE status = 'published' AND id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb))::uuid)`);
  for (const row of rows) SERVICE_IDS_OF_VERSION.set(row.id, row.service_ids ?? []);
}

/** Directory services that are switched off or not confirmed within six months (the domain rule decides; SQL only narrows). */
async function uncheckedServices(tx: Executor, now: Date, referenced: ReadonlySet<string> | 'all'): Promise<Set<string>> {
  if (referenced !== 'all' && referenced.size === 0) return new Set();
  // A coalition's pathways name few services: look only at those; the whole country's, from the indexes
  // on last_confirmed_at and is_active (a tenth of the directory at most).
  const onlyThese = referenced !== 'all' ? sql`id IN (SELECT (jsonb_array_elements_text(${JSON.stringify([...referenced])}::jsonb))::uuid) AND` : sql``;
  const rows = await queryRows<{ id: string; is_active: boolean; last_confirmed_at: Date | string }>(tx, sql`
    SELECT id, is_active, last_confirmed_at FROM directory_services
    WHERE ${onlyThese} (NOT is_active OR last_confirmed_at < ${new Date(now.getTime() - 150 * 86_400_000).toISOString()}::timestamptz)`);
  return new Set(rows.filter((row) => !row.is_active || verificationStatus(new Date(row.last_confirmed_at), now) === 'overdue').map((row) => row.id));
}

interface JudgedPathways {
  /** Municipality code → the code of its current local coalition. */
  coalitionOf: Map<string, string>;
  /** `scope_kind:scope_code:factor_key` → the judgement of the published pathway there. */
  pathways: Map<string, Judged>;
}

async function judgePathways(tx: Executor, scope: CoverageScope, now: Date): Promise<JudgedPathways> {
  const today = now.toISOString().slice(0, 10);
  const codes = scope.municipalities.map((municipality) => municipality.code);
  const isNational = scope.kind === 'national';
  const inCodes = (column: SQL, values: readonly string[]) => (isNational ? sql`true` : sql`${column} IN (SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`);
  const coalitionRows = await queryRows<{ municipality_code: string; code: string }>(tx, sql`
    SELECT cm.municipality_code, c.code FROM coalition_municipalities cm JOIN coalitions c ON c.id = cm.coalition_id
    WHERE c.is_active AND cm.kind = 'local' AND cm.until IS NULL AND ${inCodes(sql`cm.municipality_code`, codes)}`);
  const coalitionOf = new Map(coalitionRows.map((row) => [row.municipality_code, row.code]));
  // Read from the covering index alone: scope, factor, version and review date, never the content.
  const pathwayRows = await queryRows<{ scope_kind: string; scope_code: string; factor_key: string; id: string; review_passed: boolean }>(tx, sql`
    SELECT scope_kind, scope_code, factor_key, id, coalesce(review_due < ${today}::date, false) AS review_passed
    FROM care_pathways
    WHERE status = 'published' AND ${inCodes(sql`scope_code`, [...codes, ...new Set(coalitionOf.values())])}`);
  await serviceIdsOf(tx, pathwayRows.map((row) => row.id));
  const serviceIdsOfRow = (row: (typeof pathwayRows)[number]) => SERVICE_IDS_OF_VERSION.get(row.id) ?? [];
  const unchecked = await uncheckedServices(tx, now, pathwayRows.length <= 500 ? new Set(pathwayRows.flatMap(serviceIdsOfRow)) : 'all');
  // Each pathway judged once; a coalition's pathway then serves all its municipalities.
  const pathways = new Map<string, Judged>();
  for (const row of pathwayRows) {
    const reasons: Reason[] = [];
    if (row.review_passed) reasons.push('review_due_passed');
    if (serviceIdsOfRow(row).some((id) => unchecked.has(id))) reasons.push('service_overdue');
    pathways.set(`${row.scope_kind}:${row.scope_code}:${row.factor_key}`, { status: reasons.length > 0 ? 'outdated' : 'present', reasons });
  }
  return { coalitionOf, pathways };
}

/**
 * The first moment after `now` at which a judgement can change without any write: the next UTC day
 * (review dates pass at midnight) or the earliest moment an active service passes its six months.
 * Services confirmed more than 186 days ago are overdue already; none of them can change by time alone.
 */
async function nextChangeByTime(tx: Executor, now: Date): Promise<number> {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const rows = await queryRows<{ last_confirmed_at: Date | string }>(tx, sql`
    SELECT last_confirmed_at FROM directory_services
    WHERE is_active AND last_confirmed_at >= ${new Date(now.getTime() - 186 * 86_400_000).toISOString()}::timestamptz
    ORDER BY last_confirmed_at LIMIT 200`);
  const next = rows.map((row) => confirmationDueAt(new Date(row.last_confirmed_at)).getTime()).find((due) => due >= now.getTime());
  // Every row read still overdue (a crowd confirmed in the same week half a year ago): look again in a minute.
  return Math.min(midnight, next === undefined ? (rows.length === 200 ? now.getTime() + 60_000 : midnight) : next + 1);
}

interface CachedJudgement extends JudgedPathways {
  version: number;
  judgedAt: number;
  validUntil: number;
}

/**
 * The whole country's judged pathways, per database: valid while the offer data version (raised by
 * triggers in the same transaction as every write the judgement reads from, migration 0030) is the
 * same and no review date or six-month limit has passed since. A request then costs one primary-key
 * read instead of reading every published pathway and the directory's unchecked services.
 */
const NATIONAL_JUDGEMENTS = new WeakMap<object, CachedJudgement>();

async function judgeNationalPathways(tx: Executor, cacheOwner: object, scope: CoverageScope, now: Date): Promise<JudgedPathways> {
  const [row] = await tx.select({ version: offerDataVersion.version }).from(offerDataVersion).where(eq(offerDataVersion.id, 1));
  const version = row?.version ?? 0;
  const cached = NATIONAL_JUDGEMENTS.get(cacheOwner);
  const at = now.getTime();
  if (cached && cached.version === version && cached.judgedAt <= at && at < cached.validUntil) return cached;
  // Judged after the version was read: a write committing in between makes the data newer than the
  // label, and the next request (seeing the higher version) judges again. Never older data under a newer label.
  const judged = await judgePathways(tx, scope, now);
  NATIONAL_JUDGEMENTS.set(cacheOwner, { ...judged, version, judgedAt: at, validUntil: await nextChangeByTime(tx, now) });
  return judged;
}

async function buildMatrix(tx: Executor, cacheOwner: object, scope: CoverageScope, now: Date): Promise<CoverageMatrix> {
  const today = now.toISOString().slice(0, 10);
  const { coalitionOf, pathways } = scope.kind === 'national' ? await judgeNationalPathways(tx, cacheOwner, scope, now) : await judgePathways(tx, scope, now);
  const factors = [...FACTOR_CATALOGUE.values()].map((factor) => ({ key: factor.key, label: factor.riskLabel }));
  return {
    scope: scopeOf(scope),
    date: today,
    factors,
    rows: scope.municipalities.map((municipality) => {
      const coalitionCode = coalitionOf.get(municipality.code);
      return {
        municipalityCode: municipality.code,
        municipalityName: municipality.name,
        cells: factors.map((factor) => {
          const own = pathways.get(`municipality:${municipality.code}:${factor.key}`);
          const ofCoalition = own || !coalitionCode ? undefined : pathways.get(`coalition:${coalitionCode}:${factor.key}`);
          const pathway = own ?? ofCoalition;
          if (!pathway) return { factorKey: factor.key, status: 'missing' as const, level: null, reasons: [] };
          return { factorKey: factor.key, status: pathway.status, level: own ? ('municipality' as const) : ('coalition' as const), reasons: pathway.reasons };
        }),
      };
    }),
  };
}

/** `cacheOwner`: the database the request runs on (the judged pathways are cached per database). */
export async function getCoverageMatrix(ctx: RequestContext, cacheOwner: object, coalitionCode: string | undefined): Promise<CoverageMatrix> {
  return onCoverageScope(ctx, coalitionCode, 'read', 'matrix', (tx, scope) => buildMatrix(tx, cacheOwner, scope, ctx.now()));
}

const text = nl.offerCoverage;
const STATUS_LABEL: Record<CoverageStatus, string> = { present: text.present, outdated: text.outdated, missing: text.missing };

/** The cell text of the page and the CSV: status, and "(coalitie)" when the coalition's pathway counts. */
export function coverageCellText(cell: CoverageMatrix['rows'][number]['cells'][number]): string {
  return cell.level === 'coalition' ? `${STATUS_LABEL[cell.status]} ${text.viaCoalition}` : STATUS_LABEL[cell.status];
}

export async function exportCoverageMatrix(ctx: RequestContext, cacheOwner: object, coalitionCode: string | undefined): Promise<string> {
  const matrix = await onCoverageScope(ctx, coalitionCode, 'export', 'matrix', (tx, scope) => buildMatrix(tx, cacheOwner, scope, ctx.now()));
  type Row = CoverageMatrix['rows'][number];
  return toCsv<Row>(
    [
      { header: text.columnMunicipality, value: (row) => row.municipalityName },
      { header: text.columnCode, value: (row) => row.municipalityCode },
      ...matrix.factors.map((factor, index) => ({ header: factor.label, value: (row: Row) => coverageCellText(row.cells[index]!) })),
    ],
    matrix.rows,
  );
}
