// SPDX-License-Identifier: EUPL-1.2
// The version state machine, every (status, action) case written out: a published version never
// changes, repeating what happened changes nothing, and every refusal names its error code.
import { describe, expect, it } from 'vitest';
import { PATHWAY_STATUSES } from '../../../../contracts/pathways.js';
import { publishProblems, transition, TRANSITIONS, type Transition, type VersionAction } from './pathway-version.js';

const CASES: [(typeof PATHWAY_STATUSES)[number], VersionAction, Transition][] = [
  ['draft', 'edit', { kind: 'change', to: 'draft' }],
  ['draft', 'publish', { kind: 'change', to: 'published' }],
  ['draft', 'withdraw', { kind: 'refused', code: 'pathway_not_published' }],
  ['draft', 'archive', { kind: 'refused', code: 'pathway_not_published' }],
  ['published', 'edit', { kind: 'refused', code: 'pathway_version_not_draft' }],
  ['published', 'publish', { kind: 'unchanged' }],
  ['published', 'withdraw', { kind: 'change', to: 'withdrawn' }],
  ['published', 'archive', { kind: 'change', to: 'archived' }],
  ['archived', 'edit', { kind: 'refused', code: 'pathway_version_not_draft' }],
  ['archived', 'publish', { kind: 'refused', code: 'pathway_version_not_draft' }],
  ['archived', 'withdraw', { kind: 'refused', code: 'pathway_not_published' }],
  ['archived', 'archive', { kind: 'unchanged' }],
  ['withdrawn', 'edit', { kind: 'refused', code: 'pathway_version_not_draft' }],
  ['withdrawn', 'publish', { kind: 'refused', code: 'pathway_version_not_draft' }],
  ['withdrawn', 'withdraw', { kind: 'unchanged' }],
  ['withdrawn', 'archive', { kind: 'refused', code: 'pathway_not_published' }],
];

describe('pathway version state machine', () => {
  it('the table lists every status × action exactly once', () => {
    const listed = CASES.map(([status, action]) => `${status}:${action}`);
    const all = PATHWAY_STATUSES.flatMap((status) => Object.keys(TRANSITIONS[status]).map((action) => `${status}:${action}`));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(all.sort());
  });

  it.each(CASES)('%s + %s', (status, action, expected) => {
    expect(transition(status, action)).toEqual(expected);
  });
});

describe('what publishing needs', () => {
  const service = { name: 'Geldloket', organisationName: 'Sociaal team', contact: { phone: '0800-0000001' } };
  it.each([
    ['no steps', { localAgreements: 'Afspraak', steps: [] }, 'pathway_incomplete'],
    ['no local agreements', { localAgreements: '  ', steps: [{ services: [service] }] }, 'pathway_incomplete'],
    ['a step without a service', { localAgreements: 'Afspraak', steps: [{ services: [service] }, { services: [] }] }, 'pathway_step_without_service'],
    ['every step with a service', { localAgreements: 'Afspraak', steps: [{ services: [service] }] }, null],
  ] as const)('%s', (_name, content, expected) => {
    expect(publishProblems(content)).toBe(expected);
  });
});
