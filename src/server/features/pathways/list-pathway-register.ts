// SPDX-License-Identifier: EUPL-1.2
// The pathway list of a coalition (its own pathways and its member municipalities') or of one
// municipality: per pathway its status, versions and review date; as JSON or as a CSV export.
// Drafts show only to the pathway's editors.
import { hasAnyGrant } from '../../platform/access/policy.js';
import { toCsv, type CsvColumn } from '../../platform/http/listing.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { PathwayRegister, PathwayRegisterItem, PathwayStatus } from '../../../contracts/pathways.js';
import type { Executor } from '../../platform/db/connection.js';
import { factorLabelOf, findPathwayScope, mayEdit, registerRows, requirePathwayScope, type EditorContext, type PathwayScopeRef, type StoredContent } from './editor-store.js';

async function select(ctx: EditorContext, db: Executor, scopeCode: string): Promise<PathwayRegister> {
  const scope = await requirePathwayScope(db, scopeCode);
  const scopes: PathwayScopeRef[] = [scope];
  if (scope.kind === 'coalition') {
    for (const code of scope.coalition!.municipalityCodes) {
      const member = await findPathwayScope(db, code);
      // Each with its own target: the coalition that keeps a municipality's pathways is its local one.
      if (member) scopes.push(member);
    }
  }
  const nameOf = new Map(scopes.map((entry) => [`${entry.kind}|${entry.code}`, entry]));
  const rows = await registerRows(db, scopes);
  const items: PathwayRegisterItem[] = [];
  const seen = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.scopeKind}|${row.scopeCode}|${row.factorKey}`;
    seen.set(key, [...(seen.get(key) ?? []), row]);
  }
  for (const versions of seen.values()) {
    const first = versions[0]!;
    const owner = nameOf.get(`${first.scopeKind}|${first.scopeCode}`)!;
    const isEditor = mayEdit(ctx.actor, owner);
    const visible = versions.filter((row) => isEditor || row.status !== 'draft');
    const published = visible.find((row) => row.status === 'published');
    const draft = visible.find((row) => row.status === 'draft');
    const shown = published ?? draft ?? visible.find((row) => row.status === 'withdrawn');
    if (!shown) continue;
    items.push({
      scopeKind: first.scopeKind as 'municipality' | 'coalition',
      scopeCode: first.scopeCode,
      scopeName: owner.name,
      factorKey: first.factorKey,
      factorLabel: factorLabelOf(first.factorKey),
      title: (shown.content as StoredContent).title ?? '',
      status: shown.status as PathwayStatus,
      publishedVersion: published?.version ?? null,
      draftVersion: draft?.version ?? null,
      reviewDue: shown.reviewDue,
      updatedAt: (draft ?? shown).updatedAt.toISOString(),
    });
  }
  return {
    scopeKind: scope.kind,
    scopeCode: scope.code,
    scopeName: scope.name,
    items,
    allowedActions: mayEdit(ctx.actor, scope) && hasAnyGrant(ctx.actor, 'care_pathway', 'create') ? ['create'] : [],
  };
}

export function listPathwayRegister(ctx: EditorContext, scopeCode: string): Promise<PathwayRegister> {
  return ctx.store.readAggregates({ resource: 'care_pathway', action: 'list', perform: (db) => select(ctx, db, scopeCode) });
}

const text = nl.pathways;
const COLUMNS: CsvColumn<PathwayRegisterItem>[] = [
  { header: text.columnScopeCode, value: (row) => row.scopeCode },
  { header: text.columnScope, value: (row) => row.scopeName },
  { header: text.columnFactor, value: (row) => row.factorLabel },
  { header: text.columnTitle, value: (row) => row.title },
  { header: text.columnStatus, value: (row) => nl.pathwayStatuses[row.status] },
  { header: text.columnPublishedVersion, value: (row) => row.publishedVersion },
  { header: text.columnDraftVersion, value: (row) => row.draftVersion },
  { header: text.columnReviewDue, value: (row) => row.reviewDue },
  { header: text.columnUpdatedAt, value: (row) => row.updatedAt },
];

export async function exportPathwayRegister(ctx: EditorContext, scopeCode: string): Promise<string> {
  const register = await ctx.store.export({
    resource: 'care_pathway',
    perform: (db) => select(ctx, db, scopeCode),
    details: (result) => ({ scope: result.scopeCode, resultCount: result.items.length }),
  });
  return toCsv(COLUMNS, register.items);
}
