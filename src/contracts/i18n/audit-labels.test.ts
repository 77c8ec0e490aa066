// SPDX-License-Identifier: EUPL-1.2
// Every audit code the server can write has a Dutch label: the actions, every kind of record (the access
// policy's resource types and every objectType a feature names), the outcomes and roles. A code is never shown.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../audit.js';
import { nl } from './nl.js';
import { auditLabels } from './audit-labels.js';

const SERVER_ROOT = fileURLToPath(new URL('../../server', import.meta.url));
const labels = auditLabels(nl);

function serverSources(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return serverSources(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

/** The string literals the server's code gives as `objectType:` or `resource:` (what ends up in the audit row's object type). */
function objectTypesWrittenByTheServer(): Set<string> {
  const found = new Set<string>();
  for (const file of serverSources(SERVER_ROOT)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:objectType|resource):\s*'([a-z_]+)'/g)) found.add(match[1]!);
  }
  return found;
}

/** A Dutch label: not the code, no underscores, and not one of the English words the log used to show. */
function expectDutchLabel(code: string, label: string) {
  expect(label, code).not.toBe(code);
  expect(label, code).not.toMatch(/_/);
  expect(label.length, code).toBeGreaterThan(2);
  expect(label, code).not.toBe(nl.auditPage.unknownCode);
}

describe('audit labels', () => {
  it.each(AUDIT_ACTIONS)('action %s', (code) => expectDutchLabel(code, labels.action(code)));

  // The policy's resource types are part of the list (refusals name the resource), so each has a word too.
  it.each(AUDIT_OBJECT_TYPES)('kind of record %s', (code) => expectDutchLabel(code, labels.objectType(code)));

  it.each(['success', 'denied', 'failure'])('outcome %s', (code) => expectDutchLabel(code, labels.outcome(code)));


  it('covers every object type the server code writes', () => {
    const written = [...objectTypesWrittenByTheServer()];
    // The scan finds the features' names (e.g. caseload, merge, consent_withdrawal_notice), so it is not empty.
    expect(written).toEqual(expect.arrayContaining(['caseload', 'merge', 'consent_withdrawal_notice', 'home_visit', 'emergency_access', 'referral']));
    expect(written.filter((type) => !(AUDIT_OBJECT_TYPES as readonly string[]).includes(type))).toEqual([]);
  });

  it('names several roles (a refusal lists all of the actor\'s roles) in words', () => {
    expect(labels.roles('professional,organisation_admin')).toBe(`${nl.roles.professional}, ${nl.roles.organisation_admin}`);
    expect(labels.roles(null)).toBe('');
  });

  it('shows an unknown code (a row from an older version) as a neutral word, never the code', () => {
    expect(labels.action('frobnicate')).toBe(nl.auditPage.unknownCode);
    expect(labels.objectType('frobnicate')).toBe(nl.auditPage.unknownCode);
    expect(labels.objectType(null)).toBe('');
  });

  it('offers every action and kind of record as a filter option, in words', () => {
    expect(labels.actionOptions.map((option) => option.value).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(labels.objectTypeOptions.map((option) => option.value).sort()).toEqual([...AUDIT_OBJECT_TYPES].sort());
    for (const option of [...labels.actionOptions, ...labels.objectTypeOptions]) expect(option.label).not.toBe(option.value);
  });
});
