// SPDX-License-Identifier: EUPL-1.2
// The family whose file is open, shared by the layout with every section of the file.
import { useOutletContext } from 'react-router';
import type { Family } from './api.js';

export interface FamilyContext {
  family: Family;
  /** Load the family again (after a change). */
  reload(): void;
}

export function useFamily(): FamilyContext {
  return useOutletContext<FamilyContext>();
}

export function clientOf(family: Family) {
  return family.members.find((member) => member.role === 'client');
}

export function clientNameOf(family: Family): string {
  const client = clientOf(family);
  return client ? `${client.givenName} ${client.familyName}` : '';
}
