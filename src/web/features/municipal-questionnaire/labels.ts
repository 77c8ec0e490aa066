// SPDX-License-Identifier: EUPL-1.2
// Labels of the questionnaire's states and statuses, from the catalogue.
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import type { ResponseViewState, StatusCategory } from '../../../contracts/municipal-questionnaire.js';

export function stateLabel(state: ResponseViewState, m: Catalogue): string {
  const t = m.mq;
  return { new: t.stateNew, draft: t.stateDraft, submitted: t.stateSubmitted, locked: t.stateLocked, reopened: t.stateReopened }[state];
}

export function statusLabel(status: StatusCategory, m: Catalogue): string {
  const t = m.mq;
  return { formed: t.status_formed, in_development: t.status_in_development, none: t.status_none, not_answered: t.status_not_answered }[status];
}
