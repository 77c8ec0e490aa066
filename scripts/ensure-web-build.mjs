// SPDX-License-Identifier: EUPL-1.2
// `npm start` builds the web app only when dist/web is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/contracts', 'vite.config.ts'].map((entry) => path.join(root, entry));

function newestModification(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newestModification(path.join(entry, child))));
}

const isStale = !existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map(newestModification));
if (isStale) {
  console.log('Web-app bouwen (vite build)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
