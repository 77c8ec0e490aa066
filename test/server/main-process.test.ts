// SPDX-License-Identifier: EUPL-1.2
// The real start-up (`npm start` minus the web build): a new database gets the demo accounts printed,
// SIGTERM closes the database cleanly, and a restart keeps the data. (Draining requests in flight is
// tested on the mechanism itself, in src/server/platform/http/in-flight.test.ts.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createServerTestDatabaseUrl, isServerRun } from '../helpers/test-database.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(path.join(os.tmpdir(), 'kansrijk-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Started> {
  // Below the ephemeral range (32768–60999 on Linux), where outgoing connections and port-0 listeners of
  // other test files (the SMTP test server) take their ports.
  const port = 20_000 + Math.floor(Math.random() * 12_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_NATIONAL: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 150_000;
  while (!output.includes('Kansrijk draait op')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output, url: `http://127.0.0.1:${port}`, exited };
}

describe('the server process', () => {
  it('prints demo accounts for a new database, stops cleanly on SIGTERM, and keeps its data', async () => {
    const env: Record<string, string> = isServerRun() ? { DATABASE_URL: await createServerTestDatabaseUrl() } : { DATA_DIR: folder };
    const first = await start(env);
    expect(first.output()).toContain('Demo-accounts');
    expect(first.output()).toMatch(/beheer@kansrijk\.demo\s+wachtwoord Demo-\S+\s+TOTP-geheim [A-Z2-7]+/);
    expect(first.output()).toMatch(/analist@kansrijk\.demo\s+wachtwoord Demo-\S+\s+geen 2FA/);
    expect(await (await fetch(`${first.url}/ready`)).json()).toEqual({ status: 'ready' });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');

    // The database was closed cleanly: a restart opens it, and does not print accounts again.
    const second = await start(env);
    expect(second.output()).not.toContain('Demo-accounts');
    const municipalities = await (await fetch(`${second.url}/api/v1/municipalities?q=Dordrecht`)).json();
    expect(municipalities).toHaveLength(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 300_000);

  it.each([
    ['a wrong setting', { PORT: 'drieduizend' }, ['PORT']],
    // Production never falls back to an embedded database or plain http (issue 12 item 6).
    ['a production start without DATABASE_URL', { NODE_ENV: 'production', DATABASE_URL: '', PUBLIC_URL: 'https://kansrijk.ggd.nl' }, ['DATABASE_URL']],
    ['a production start over http', { NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', PUBLIC_URL: 'http://kansrijk.ggd.nl' }, ['PUBLIC_URL']],
  ])('refuses %s with a clear Dutch message, before touching any database', async (_name, env, variables) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: '/nonexistent/kansrijk', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(78);
    expect(output).toContain('Ongeldige configuratie');
    for (const variable of variables) expect(output).toContain(`- ${variable}:`);
  }, 60_000);
});
