// SPDX-License-Identifier: EUPL-1.2
// The agreement's state machine as a table: every (from, to) pair with its answer.
import { describe, expect, it } from 'vitest';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../../../contracts/coalition-agreements.js';
import { isAllowedTransition, isInForce } from './agreement-status.js';

const EVERY_TRANSITION: Record<AgreementStatus, Record<AgreementStatus, boolean>> = {
  in_development: { in_development: true, agreed: true, under_review: false, expired: false },
  agreed: { in_development: false, agreed: true, under_review: true, expired: true },
  under_review: { in_development: false, agreed: true, under_review: true, expired: true },
  expired: { in_development: true, agreed: false, under_review: true, expired: true },
};

describe('agreement status transitions', () => {
  for (const from of AGREEMENT_STATUSES) {
    for (const to of AGREEMENT_STATUSES) {
      it(`${from} → ${to}: ${EVERY_TRANSITION[from][to] ? 'allowed' : 'refused'}`, () => {
        expect(isAllowedTransition(from, to)).toBe(EVERY_TRANSITION[from][to]);
      });
    }
  }
  it('only agreed and under-review agreements are in force (and so can be overdue for review)', () => {
    expect(AGREEMENT_STATUSES.filter(isInForce)).toEqual(['agreed', 'under_review']);
  });
});
