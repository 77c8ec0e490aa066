// SPDX-License-Identifier: EUPL-1.2
// The life of one version of a care pathway. A draft is edited and published; a published version is
// never changed again: editing the pathway starts a new draft (version N+1), and publishing that draft
// archives the published one ("vervangen door versie N"). A published pathway can be withdrawn.
// Repeating what has already happened (publishing the published version, withdrawing the withdrawn
// one) changes nothing and is not an error: a double click must not fail.
import type { ErrorCode } from '../../../../contracts/errors.js';
import type { PathwayStatus } from '../../../../contracts/pathways.js';

export type VersionAction = 'edit' | 'publish' | 'withdraw' | 'archive';

export type Transition =
  /** The version moves to `to` (for 'edit': stays a draft with new content). */
  | { kind: 'change'; to: PathwayStatus }
  /** Already done: answer as before, change nothing. */
  | { kind: 'unchanged' }
  | { kind: 'refused'; code: ErrorCode };

const REFUSE_NOT_DRAFT: Transition = { kind: 'refused', code: 'pathway_version_not_draft' };
const REFUSE_NOT_PUBLISHED: Transition = { kind: 'refused', code: 'pathway_not_published' };

export const TRANSITIONS: Record<PathwayStatus, Record<VersionAction, Transition>> = {
  draft: {
    edit: { kind: 'change', to: 'draft' },
    publish: { kind: 'change', to: 'published' },
    withdraw: REFUSE_NOT_PUBLISHED,
    archive: REFUSE_NOT_PUBLISHED,
  },
  published: {
    edit: REFUSE_NOT_DRAFT,
    publish: { kind: 'unchanged' },
    withdraw: { kind: 'change', to: 'withdrawn' },
    archive: { kind: 'change', to: 'archived' },
  },
  archived: {
    edit: REFUSE_NOT_DRAFT,
    publish: REFUSE_NOT_DRAFT,
    withdraw: REFUSE_NOT_PUBLISHED,
    archive: { kind: 'unchanged' },
  },
  withdrawn: {
    edit: REFUSE_NOT_DRAFT,
    publish: REFUSE_NOT_DRAFT,
    withdraw: { kind: 'unchanged' },
    archive: REFUSE_NOT_PUBLISHED,
  },
};

export function transition(status: PathwayStatus, action: VersionAction): Transition {
  return TRANSITIONS[status][action];
}

/** What must hold before a draft is published, beyond its shape: every step names at least one service. */
export function publishProblems(content: { steps: readonly { services: readonly unknown[] }[]; localAgreements: string }): ErrorCode | null {
  if (content.steps.length === 0 || content.localAgreements.trim() === '') return 'pathway_incomplete';
  if (content.steps.some((step) => step.services.length === 0)) return 'pathway_step_without_service';
  return null;
}
