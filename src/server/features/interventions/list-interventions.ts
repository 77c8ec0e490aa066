// SPDX-License-Identifier: EUPL-1.2
// The menukaart: the interventions a family can be enrolled in (no personal data; everyone logged in).
import type { InterventionItem } from '../../../contracts/care.js';
import { INTERVENTION_CATALOGUE } from './domain/catalogue.js';

export function listInterventions(): { items: InterventionItem[] } {
  return {
    items: INTERVENTION_CATALOGUE.map((intervention) => ({
      key: intervention.key,
      name: intervention.name,
      phases: [...intervention.phases],
      targetGroup: intervention.targetGroup,
      goal: intervention.goal,
      providerType: intervention.providerType,
      recognition: intervention.recognition,
      recognitionNote: intervention.recognitionNote ?? null,
      isLegalTask: intervention.isLegalTask,
    })),
  };
}
