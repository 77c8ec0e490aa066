// SPDX-License-Identifier: EUPL-1.2
// One care pathway (scope × factor) with its versions: the published one, the archived and withdrawn
// ones (still readable), and — for its editors only — the draft. Also what this person may do with it.
import { allowedActions, decide } from '../../platform/access/policy.js';
import type { PathwayAction, PathwayDetail } from '../../../contracts/pathways.js';
import { factorLabelOf, mayEdit, requirePathwayScope, toVersion, versionRows, type EditorContext } from './editor-store.js';
import { serviceMunicipalitiesOf, showVersions } from './directory-services.js';

export async function getPathway(ctx: EditorContext, scopeCode: string, factorKey: string): Promise<PathwayDetail> {
  return ctx.store.readAggregates({
    resource: 'care_pathway',
    action: 'read',
    perform: async (db) => {
      const scope = await requirePathwayScope(db, scopeCode);
      const isEditor = mayEdit(ctx.actor, scope);
      const rows = (await versionRows(db, scope, factorKey)).filter((row) => isEditor || row.status !== 'draft');
      const hasDraft = rows.some((row) => row.status === 'draft');
      const hasPublished = rows.some((row) => row.status === 'published');
      const target = scope.target;
      const actions: PathwayAction[] = allowedActions(ctx.actor, {
        start_draft: [{ resource: 'care_pathway', action: 'create', target }, !hasDraft],
        edit: [{ resource: 'care_pathway', action: 'update', target }, hasDraft],
        publish: [{ resource: 'care_pathway', action: 'approve', target }, hasDraft],
        withdraw: [{ resource: 'care_pathway', action: 'deactivate', target }, hasPublished],
        add_improvement_action: [scope.coalition !== null && decide(ctx.actor, 'coalition_plan', 'create', target).isAllowed],
      });
      return {
        scopeKind: scope.kind,
        scopeCode: scope.code,
        scopeName: scope.name,
        coalitionCode: scope.coalition?.code ?? null,
        factorKey,
        factorLabel: factorLabelOf(factorKey),
        serviceMunicipalityCodes: serviceMunicipalitiesOf(scope),
        versions: await showVersions(db, rows.map(toVersion), ctx.now()),
        allowedActions: actions,
      };
    },
  });
}
