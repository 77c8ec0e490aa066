// SPDX-License-Identifier: EUPL-1.2
// The built web app the browser tests serve (dist/web), rebuilt when its sources are newer.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_ROOT = path.join(REPOSITORY_ROOT, 'dist/web');
const WEB_SOURCES = ['src/web', 'src/contracts', 'vite.config.ts'].map((entry) => path.join(REPOSITORY_ROOT, entry));

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newestModification(path.join(entry, child))));
}

/**
 * Builds the web app when dist/web is missing or older than its sources. The global set-up calls it
 * once before the browser test files start (they run side by side, so none of them builds).
 */
export function ensureWebBuild() {
  const index = path.join(WEB_ROOT, 'index.html');
  const isStale = !existsSync(index) || statSync(index).mtimeMs < Math.max(...WEB_SOURCES.map(newestModification));
  if (!isStale) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPOSITORY_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed');
}

