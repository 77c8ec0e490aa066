// SPDX-License-Identifier: EUPL-1.2
// `npm run dev`: the server with reload on change (tsx watch) and the web app rebuilt on change
// (vite build --watch), both served by the one Fastify process on one port, as in production.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const children = [
  // A production build (not --mode development): what dev leaves in dist/web is what `npm start` may serve.
  spawn('npx', ['vite', 'build', '--watch'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/server/main.ts'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop());
