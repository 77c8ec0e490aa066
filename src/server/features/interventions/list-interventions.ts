// SPDX-License-Identifier: EUPL-1.2
// The menukaart: search, filter, sort and page the interventions of the shipped menu (no personal
// data; everyone logged in may read it, the policy decides).
import { parseSort, type SortKey } from '../../../contracts/sorting.js';
import {
  INTERVENTION_SORT_FIELDS,
  RECOGNITION_LEVELS,
  type InterventionPage,
  type InterventionQuery,
  type RecognitionLevel,
} from '../../../contracts/intervention-menu.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { INTERVENTION_MENU } from './menu/load-menu.js';
import type { MenuEntry, MenuFile } from './menu/menu-schema.js';
import { toInterventionItem } from './menu/menu-views.js';

type SortField = (typeof INTERVENTION_SORT_FIELDS)[number];

/** Case and accents do not matter: "gezond zwanger" finds "Gezond Zwanger Worden", "e" finds "é". */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function searchableText(entry: MenuEntry): string {
  return normaliseSearchText([entry.key, entry.name, ...entry.aliases, entry.targetGroup, entry.goal, entry.providerType].filter(Boolean).join(' '));
}

/** Weakest first, so `-recognition` puts the strongest evidence on top; unknown and not applicable lowest. */
const RECOGNITION_RANK: Record<RecognitionLevel, number> = {
  niet_van_toepassing: 0,
  niet_gevonden: 1,
  goed_beschreven: 2,
  goed_onderbouwd: 3,
  effectief_eerste_aanwijzingen: 4,
  effectief_goede_aanwijzingen: 5,
  effectief_sterke_aanwijzingen: 6,
};
if (Object.keys(RECOGNITION_RANK).length !== RECOGNITION_LEVELS.length) throw new Error('Every recognition level needs a rank.');

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

function compareBy(key: SortKey<SortField>, a: MenuEntry, b: MenuEntry): number {
  const direction = key.descending ? -1 : 1;
  switch (key.field) {
    case 'name':
      return direction * collator.compare(a.name, b.name);
    case 'recognition':
      return direction * (RECOGNITION_RANK[a.recognition.level] - RECOGNITION_RANK[b.recognition.level]);
    case 'recognitionDate': {
      // Entries without a date come last in either direction.
      if (a.recognition.date === b.recognition.date) return 0;
      if (a.recognition.date === null) return 1;
      if (b.recognition.date === null) return -1;
      return direction * a.recognition.date.localeCompare(b.recognition.date);
    }
  }
}

/** The entries that match the query, sorted (ties by name), before paging. */
export function selectInterventions(menu: MenuFile, query: Omit<InterventionQuery, 'page' | 'pageSize'>): MenuEntry[] {
  const words = query.q ? normaliseSearchText(query.q).split(/\s+/).filter(Boolean) : [];
  const keys = [...(query.sorteer ? (parseSort(query.sorteer, INTERVENTION_SORT_FIELDS) ?? []) : []), { field: 'name' as const, descending: false }];
  return menu.interventions
    .filter((entry) => (query.phase ? entry.phases.includes(query.phase) : true))
    .filter((entry) => (query.pillar ? entry.pillars.includes(query.pillar) : true))
    .filter((entry) => (query.recognition ? entry.recognition.level === query.recognition : true))
    .filter((entry) => (query.fundingRoute ? entry.fundingRoutes.includes(query.fundingRoute) : true))
    .filter((entry) => {
      if (words.length === 0) return true;
      const haystack = searchableText(entry);
      return words.every((word) => haystack.includes(word));
    })
    .sort((a, b) => {
      for (const key of keys) {
        const order = compareBy(key, a, b);
        if (order !== 0) return order;
      }
      return 0;
    });
}

export async function listInterventions(ctx: RequestContext, query: InterventionQuery): Promise<InterventionPage> {
  return ctx.store.readAggregates({
    resource: 'intervention',
    action: 'list',
    perform: async () => {
      const matching = selectInterventions(INTERVENTION_MENU, query);
      const start = (query.page - 1) * query.pageSize;
      return {
        items: matching.slice(start, start + query.pageSize).map(toInterventionItem),
        total: matching.length,
        page: query.page,
        pageSize: query.pageSize,
        menuVersion: INTERVENTION_MENU.version,
      };
    },
  });
}
