// SPDX-License-Identifier: EUPL-1.2
// The policy checks its own grant table when it loads (an aggregate-only role with a grant on
// personal data throws). Imported inside a test, so that a failing check fails this test by name:
// when the import of policy.ts throws, policy.test.ts cannot even be collected, which reports no
// failing test at all (a mutation run then counts the broken policy as surviving).
import { expect, it } from 'vitest';

it('the policy loads: its grant table passes its own check at start-up', async () => {
  const policy = await import('./policy.js');
  expect(policy.decide({ personId: 'p', sessionId: 's', organisationId: 'o', roles: ['platform_admin'] }, 'person', 'read', { organisationIds: [] })).toEqual({
    isAllowed: true,
    role: 'platform_admin',
  });
});
