// SPDX-License-Identifier: EUPL-1.2
// Every test file that seals the audit log runs in the 'server-sealing' project, after the rest: a
// sealer waits for every older transaction of the PostgreSQL cluster, and a file sealing beside
// another file's long transaction waited past its timeout (vitest.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEALING_TESTS } from '../../vitest.config.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const SEALS = /audit-sealing\.js|sealAuditLog\(|auditSealer\.runOnce\(/;

function testFiles(folder: string): string[] {
  return readdirSync(path.join(REPO, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(relative);
    return entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

describe('test files that seal the audit log', () => {
  it('are exactly the files listed for the server-sealing project', () => {
    const sealing = [...testFiles('src'), ...testFiles('test')].filter((file) => SEALS.test(readFileSync(path.join(REPO, file), 'utf8')));
    expect(sealing).not.toEqual([]);
    expect([...sealing].sort()).toEqual([...SEALING_TESTS].sort());
  });
});
