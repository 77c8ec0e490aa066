// SPDX-License-Identifier: EUPL-1.2
// A menu entry as the API shows it: in a list (the summary that enrolment and the municipal
// questionnaire read too) and in full.
import type { InterventionDetail, InterventionItem } from '../../../../contracts/intervention-menu.js';
import type { MenuEntry } from './menu-schema.js';

export function toInterventionItem(entry: MenuEntry): InterventionItem {
  return {
    key: entry.key,
    name: entry.name,
    phases: [...entry.phases],
    pillars: [...entry.pillars],
    targetGroup: entry.targetGroup,
    goal: entry.goal,
    providerType: entry.providerType,
    recognition: entry.recognition.level,
    recognitionNote: entry.recognition.note,
    recognitionDate: entry.recognition.date,
    fundingRoutes: [...entry.fundingRoutes],
    hasPublishedCost: entry.costs.length > 0,
    isLegalTask: entry.isLegalTask,
  };
}

export function toInterventionDetail(entry: MenuEntry, menuVersion: string): InterventionDetail {
  return {
    menuVersion,
    ...entry,
    aliases: [...entry.aliases],
    phases: [...entry.phases],
    pillars: [...entry.pillars],
    workingElements: [...entry.workingElements],
    recognition: { ...entry.recognition },
    conditions: [...entry.conditions],
    costs: entry.costs.map((cost) => ({ ...cost })),
    fundingRoutes: [...entry.fundingRoutes],
    sources: [...entry.sources],
  };
}
