// SPDX-License-Identifier: EUPL-1.2
// `npm start`: build what is missing or older than its sources — the web app (vite) and the server
// (tsc → build/) — then run the compiled server in this process. In a production install (no dev
// dependencies) nothing is built: the build must be there (`npm run build` on the build machine);
// the container runs `node build/server/main.js` directly. `node scripts/start.mjs <entry> …` runs
// another compiled entry point the same way (`npm run admin:create`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');

function newestModification(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newestModification(path.join(entry, child))));
}

const builds = [
  { what: 'web-app (vite build)', output: 'dist/web/index.html', sources: ['src/web', 'src/contracts', 'vite.config.ts'], tool: 'node_modules/vite/bin/vite.js', args: ['build', '--logLevel', 'warn'] },
  { what: 'server (tsc)', output: 'build/server/main.js', sources: ['src/server', 'src/contracts', 'tsconfig.build.json'], tool: 'node_modules/typescript/bin/tsc', args: ['-p', 'tsconfig.build.json'] },
];

for (const build of builds) {
  const output = path.join(root, build.output);
  const isStale = !existsSync(output) || statSync(output).mtimeMs < Math.max(...build.sources.map((entry) => newestModification(path.join(root, entry))));
  if (!isStale) continue;
  const tool = path.join(root, build.tool);
  if (!existsSync(tool)) {
    // A production install: use what was built, or say what is missing.
    if (existsSync(output)) continue;
    console.error(`Kansrijk kan niet starten: ${build.output} ontbreekt. Bouw eerst met "npm run build" (met de ontwikkelpakketten) en kopieer de map mee.`);
    process.exit(78);
  }
  console.log(`Bouwen: ${build.what}…`);
  const result = spawnSync(process.execPath, [tool, ...build.args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const entry = process.argv[2]?.endsWith('.js') ? process.argv[2] : 'server/main.js';
await import(pathToFileURL(path.join(root, 'build', entry)).href);
