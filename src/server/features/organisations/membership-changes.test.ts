// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/policy.js';
import { PolicyDenied } from '../../platform/access/scoped-store.js';
import { AppError } from '../../platform/errors.js';
import type { Role } from '../../../contracts/roles.js';
import { authoriseMembershipChanges, membershipChanges, normaliseMemberships } from './membership-changes.js';

const OWN = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const actor = (roles: Role[]): Actor => ({ personId: 'p', sessionId: 's', organisationId: OWN, roles });

describe('membership changes', () => {
  it('sees only real differences, per organisation and role', () => {
    const before = [{ organisationId: OWN, roles: ['professional'] as Role[] }];
    expect(membershipChanges(before, [{ organisationId: OWN, roles: ['professional'] }])).toEqual([]);
    expect(membershipChanges(before, [])).toEqual([{ organisationId: OWN, roles: [], changedRoles: ['professional'] }]);
    expect(membershipChanges(before, [{ organisationId: OWN, roles: ['analyst', 'professional'] }])).toEqual([
      { organisationId: OWN, roles: ['analyst', 'professional'], changedRoles: ['analyst'] },
    ]);
  });

  it('refuses an organisation twice and removes repeated roles', () => {
    expect(normaliseMemberships([{ organisationId: OWN, roles: ['professional', 'analyst', 'professional'] }])).toEqual([
      { organisationId: OWN, roles: ['analyst', 'professional'] },
    ]);
    expect(() =>
      normaliseMemberships([
        { organisationId: OWN, roles: ['professional'] },
        { organisationId: OWN, roles: ['analyst'] },
      ]),
    ).toThrow(AppError);
  });

  it('lets an organisation admin change only the own organisation, and never platform admins', () => {
    const admin = actor(['organisation_admin']);
    const own = membershipChanges([], [{ organisationId: OWN, roles: ['professional', 'organisation_admin'] }]);
    expect(() => authoriseMembershipChanges(admin, 'update', own)).not.toThrow();
    const other = membershipChanges([], [{ organisationId: OTHER, roles: ['professional'] }]);
    expect(() => authoriseMembershipChanges(admin, 'update', other)).toThrow(PolicyDenied);
    const grant = membershipChanges([], [{ organisationId: OWN, roles: ['platform_admin'] }]);
    expect(() => authoriseMembershipChanges(admin, 'create', grant)).toThrow(PolicyDenied);
    const revoke = membershipChanges([{ organisationId: OWN, roles: ['platform_admin'] }], []);
    expect(() => authoriseMembershipChanges(admin, 'update', revoke)).toThrow(PolicyDenied);
    expect(() => authoriseMembershipChanges(actor(['platform_admin']), 'update', [...other, ...grant])).not.toThrow();
    expect(() => authoriseMembershipChanges(actor(['professional']), 'update', own)).toThrow(PolicyDenied);
  });
});
