// SPDX-License-Identifier: EUPL-1.2
// Dependencies point down (house rule): the web and the shared contracts never import server code;
// the platform never imports a feature, except the few places listed here with the reason they do.
// Reads every import specifier of every source file (tests excluded: they may use server fixtures).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(REPO, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Each relative import of a file, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(REPO, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((match) => match[1] ?? match[2]!);
  return specifiers.map((specifier) => path.relative(REPO, path.resolve(path.dirname(path.join(REPO, file)), specifier)));
}

function violations(folder: string, forbidden: string, allowed: Record<string, string> = {}): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .filter((target) => target.startsWith(forbidden) && !(file in allowed))
      .map((target) => `${file} → ${target}`),
  );
}

/** Platform files that import a feature today, each with why; a new one fails the test. */
const PLATFORM_IMPORTS_OF_FEATURES: Record<string, string> = {
  'src/server/platform/db/schema.ts': "Drizzle's schema registry: it lists every feature's tables for migrations.",
  'src/server/platform/auth/session.ts': 'The session loads memberships and coalition roles from their features’ tables (known debt).',
  'src/server/platform/auth/login-throttle.ts': 'The throttle table lives with the auth feature (known debt).',
};

describe('dependencies point down', () => {
  it('the web never imports server code', () => {
    expect(violations('src/web', 'src/server')).toEqual([]);
  });

  it('the shared contracts never import server or web code', () => {
    expect([...violations('src/contracts', 'src/server'), ...violations('src/contracts', 'src/web')]).toEqual([]);
  });

  it('the platform imports no feature, except the listed places', () => {
    expect(violations('src/server/platform', 'src/server/features', PLATFORM_IMPORTS_OF_FEATURES)).toEqual([]);
    // The list holds no stale entries: each still exists and still imports a feature.
    for (const file of Object.keys(PLATFORM_IMPORTS_OF_FEATURES)) {
      expect(importsOf(file).some((target) => target.startsWith('src/server/features')), file).toBe(true);
    }
  });

  it('finds an import that points the wrong way (the check itself works)', () => {
    expect(importsOf('src/server/prepare-database.ts')).toContain('src/server/features/reference/load-reference-data.js');
    expect(violations('src/server', 'src/server/features').length).toBeGreaterThan(0);
  });
});
