// SPDX-License-Identifier: EUPL-1.2
// `engines.node` in package.json says the truth (issue 12 item 1, ADR 0016): every Node.js version it
// admits is admitted by every installed package's own `engines.node` (read from node_modules, as
// `npm ci` installs them from the lock file), except the documented exceptions below — packages that
// declare a newer Node than they need, checked here to still work on the Node that runs this test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; link?: boolean; optional?: boolean; engines?: { node?: string } | string[] }>;
};

/**
 * Packages whose declared engines exclude Node 20, although they run on it. Every version of them
 * that their dependants accept declares `>=22` (cookie ^2 for @fastify/cookie 11 and light-my-request
 * 6, content-disposition ^3 for @fastify/static 10 — `npm view`, December 2026), and they use no API
 * newer than Node 20: the whole suite passes on Node 20.19+, and each is exercised below.
 */
const EXCEPTIONS: Record<string, { version: string; declared: string; exercise: (module: Record<string, (...args: unknown[]) => unknown>) => void }> = {
  'node_modules/cookie': {
    version: '2.0.2',
    declared: '>=22',
    exercise: (cookie) => {
      expect(cookie.parseCookie!('kansrijk_session=abc; kansrijk_csrf=%C3%A9')).toEqual({ kansrijk_session: 'abc', kansrijk_csrf: 'é' });
      expect(cookie.stringifySetCookie!({ name: 's', value: 'v', httpOnly: true, sameSite: 'strict', secure: true, path: '/' })).toBe('s=v; Path=/; HttpOnly; Secure; SameSite=Strict');
    },
  },
  'node_modules/content-disposition': {
    version: '3.1.0',
    declared: '>=22',
    exercise: (contentDisposition) => {
      expect(contentDisposition.create!('verslag é.pdf')).toBe(`attachment; filename="verslag ?.pdf"; filename*=UTF-8''verslag%20%C3%A9.pdf`);
      expect(contentDisposition.parse!('attachment; filename="a.csv"')).toEqual({ type: 'attachment', parameters: { filename: 'a.csv' } });
    },
  },
};

type Version = [number, number, number];
type Comparator = { op: '>=' | '<' | '>' | '<=' | '='; version: Version };

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** A node-semver range (the subset `engines` fields use: ||, spaces, ^, ~, x-ranges, hyphens) as sets of comparators. */
function parseRange(range: string): Comparator[][] {
  return range.split('||').map((part) => {
    const text = part.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1');
    if (text === '' || text === '*' || text === 'x') return [];
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
    if (hyphen) return [...comparatorsOf(`>=${hyphen[1]}`), ...comparatorsOf(`<=${hyphen[2]}`)];
    return text.split(/\s+/).flatMap(comparatorsOf);
  });
}

function comparatorsOf(token: string): Comparator[] {
  const match = /^(>=|<=|>|<|=|\^|~)?v?(\d+|[x*])(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?$/.exec(token);
  if (!match) throw new Error(`unsupported range token ${token}`);
  const [, op = '=', ...parts] = match;
  const numbers = parts.map((part) => (part === undefined || part === 'x' || part === '*' ? undefined : Number(part)));
  const given = numbers.findIndex((number) => number === undefined);
  const precision = given === -1 ? 3 : given; // how many parts were given
  if (precision === 0) return op === '<' || op === '>' ? [{ op: '<', version: [0, 0, 0] }] : [];
  const low: Version = [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0];
  const bump = (at: number): Version => (at === 0 ? [low[0] + 1, 0, 0] : at === 1 ? [low[0], low[1] + 1, 0] : [low[0], low[1], low[2] + 1]);
  const upperOfPartial = bump(precision - 1);
  switch (op) {
    case '^': {
      const at = low[0] > 0 || precision === 1 ? 0 : low[1] > 0 || precision === 2 ? 1 : 2;
      return [{ op: '>=', version: low }, { op: '<', version: bump(at) }];
    }
    case '~':
      return [{ op: '>=', version: low }, { op: '<', version: bump(precision === 1 ? 0 : 1) }];
    case '=':
      return precision === 3 ? [{ op: '=', version: low }] : [{ op: '>=', version: low }, { op: '<', version: upperOfPartial }];
    case '>':
      return [{ op: '>=', version: precision === 3 ? bump(2) : upperOfPartial }];
    case '<=':
      return precision === 3 ? [{ op: '<=', version: low }] : [{ op: '<', version: upperOfPartial }];
    default:
      return [{ op: op as Comparator['op'], version: low }];
  }
}

function satisfies(version: Version, range: string): boolean {
  return parseRange(range).some((set) =>
    set.every(({ op, version: bound }) => {
      const order = compare(version, bound);
      return op === '>=' ? order >= 0 : op === '>' ? order > 0 : op === '<' ? order < 0 : op === '<=' ? order <= 0 : order === 0;
    }),
  );
}

/** Node versions to try: every major from 16 to 30, minors 0–45, the first and a late patch. */
const CANDIDATES: Version[] = [];
for (let major = 16; major <= 30; major++) for (let minor = 0; minor <= 45; minor++) for (const patch of [0, 30]) CANDIDATES.push([major, minor, patch]);

interface Installed {
  path: string;
  version: string;
  node: string;
}

/** Every package `npm ci` installs (from the lock file), with the engines its installed package.json declares. */
function installedPackages(): Installed[] {
  const packages: Installed[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === '' || entry.link) continue;
    const file = path.join(REPO, location, 'package.json');
    // Optional packages for other platforms are not on this machine: their lock entry has the same field.
    const declared = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { engines?: { node?: string } | string[] }).engines : entry.engines;
    const node = Array.isArray(declared) ? undefined : declared?.node;
    if (node) packages.push({ path: location, version: entry.version ?? '?', node });
  }
  return packages;
}

describe('engines.node', () => {
  const ours = manifest.engines.node;
  const admitted = CANDIDATES.filter((version) => satisfies(version, ours));
  const installed = installedPackages();

  it('is the documented range, and admits the Node that runs this test', () => {
    expect(ours).toBe('^20.19.0 || ^22.13.0 || >=24');
    // The lock file's copy (what `npm ci` checks) says the same.
    expect((lock.packages[''] as { engines?: { node?: string } }).engines?.node).toBe(ours);
    const running = process.versions.node.split('.').map(Number) as Version;
    expect(satisfies(running, ours)).toBe(true);
  });

  it('reads ranges as npm does (rule table)', () => {
    const cases: [string, string, boolean][] = [
      ['20.19.0', '^20.19.0 || >=22.12.0', true],
      ['20.18.9', '^20.19.0 || >=22.12.0', false],
      ['21.7.0', '^20.19.0 || >=22.12.0', false],
      ['22.12.0', '^20.19.0 || >=22.12.0', true],
      ['23.4.0', '>=23.5.0 || ^22.13.0 || ^20.17.0', false],
      ['20.0.0', '>= 20.19.0', false],
      ['14.17.0', '>=16 || 14 >=14.17', true],
      ['14.16.0', '>=16 || 14 >=14.17', false],
      ['9.0.0', '6.* || 8.* || >= 10.*', false],
      ['10.0.0', '6.* || 8.* || >= 10.*', true],
      ['21.0.0', '18 || 20 || >=22', false],
      ['20.5.0', '18 || 20 || >=22', true],
      ['26.0.0', '*', true],
      ['20.0.0', '>20', false],
      ['21.0.0', '>20', true],
      ['20.9.0', '<=20', true],
      ['20.1.0', '~20.1.0', true],
      ['20.2.0', '~20.1.0', false],
      ['20.3.0', '20.1.0 - 20.2.0', false],
      ['22.0.0', '>=22', true],
      ['20.20.2', '>=22', false],
    ];
    for (const [version, range, expected] of cases) expect(satisfies(version.split('.').map(Number) as Version, range), `${version} in ${range}`).toBe(expected);
  });

  it('admits no Node version that an installed package excludes (except the documented exceptions)', () => {
    expect(installed.length).toBeGreaterThan(100);
    const conflicts = installed
      .filter((pkg) => !EXCEPTIONS[pkg.path])
      .flatMap((pkg) => {
        const excluded = admitted.filter((version) => !satisfies(version, pkg.node));
        return excluded.length > 0 ? [`${pkg.path}@${pkg.version} (${pkg.node}) excludes ${excluded[0]!.join('.')}`] : [];
      });
    expect(conflicts).toEqual([]);
  });

  it.each(Object.entries(EXCEPTIONS))('exception %s: still installed as documented, and works on this Node', async (location, exception) => {
    const pkg = installed.find((candidate) => candidate.path === location);
    // A new version or a changed declaration ends the exception: decide again (and update the ADR).
    expect(pkg).toEqual({ path: location, version: exception.version, node: exception.declared });
    const { exports } = JSON.parse(readFileSync(path.join(REPO, location, 'package.json'), 'utf8')) as { exports: string };
    exception.exercise((await import(pathToFileURL(path.join(REPO, location, exports)).href)) as Record<string, (...args: unknown[]) => unknown>);
  });
});
