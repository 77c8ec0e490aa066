// SPDX-License-Identifier: EUPL-1.2
// `npm run bench:audit` (issue 14 item 4): what the NEN 7513 audit log costs a transaction.
// - Audited transactions per second with 1, 8 and 32 concurrent connections: a business insert plus
//   the audit append (appendAuditEvent: one INSERT, no lock, ADR 0019), with the sealer running every
//   SEAL_INTERVAL_MS as in the app, against the same transaction with the same row written to a plain
//   table without hash or sealing — the physical limit. Target: the audited ≥ 80 % of the plain.
// - `audit:verify` (verifyAuditChain: row hashes, batch counts and digests in SQL, batches in parallel)
//   in rows per second over a sealed log of AUDIT_ROWS rows. Target ≥ 200,000.
// PostgreSQL when BENCH_DATABASE_URL is set (a scratch database with a pool of 32, dropped afterwards),
// PGlite in memory otherwise (one connection: the concurrent figures then only queue). Figures are
// printed, never asserted; both variants run in the same run, so the ratio holds on a busy machine too.
import { cpus, loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DATA_FOLDER } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/prepare-database.js';
import { appendAuditEvent, rowHashSql, verifyAuditChain, type AuditEvent } from '../src/server/platform/audit/audit-log.js';
import { sealAuditLog } from '../src/server/platform/audit/sealer.js';
import type { Database, Executor } from '../src/server/platform/db/connection.js';
import { openBenchDatabase } from './bench-database.js';

const CONNECTIONS = [1, 8, 32];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 200_000);
const SEAL_INTERVAL_MS = 2_000;

/** An audited read of one client's file, as the chain writes it thousands of times a day. */
function eventFor(clientId: string): AuditEvent {
  return {
    actorId: randomUUID(),
    organisationId: randomUUID(),
    role: 'jgz_nurse',
    action: 'read',
    outcome: 'success',
    objectType: 'family',
    objectId: clientId,
    clientId,
    sourceIp: '10.0.0.1',
    userAgent: 'bench',
    details: { view: 'overview' },
  };
}

async function createBenchTables(database: Database) {
  // The business row each transaction writes, and the plain copy of the audit row (no chain, no lock).
  await database.db.execute(sql`CREATE TABLE bench_business (id uuid PRIMARY KEY, written_at timestamptz NOT NULL)`);
  await database.db.execute(sql`CREATE TABLE bench_plain_log (LIKE audit_log INCLUDING DEFAULTS)`);
  await database.db.execute(sql`ALTER TABLE bench_plain_log DROP COLUMN sequence, DROP COLUMN xid, DROP COLUMN previous_hash, DROP COLUMN hash, ADD COLUMN id bigserial PRIMARY KEY`);
}

type Variant = 'audited' | 'plain';

async function oneTransaction(database: Database, variant: Variant) {
  const clientId = randomUUID();
  const now = new Date();
  await database.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    await tx.execute(sql`INSERT INTO bench_business (id, written_at) VALUES (${clientId}::uuid, ${now.toISOString()}::timestamptz)`);
    if (variant === 'audited') return appendAuditEvent(tx, eventFor(clientId), now);
    const event = eventFor(clientId);
    await tx.execute(sql`INSERT INTO bench_plain_log (occurred_at, actor_id, organisation_id, role, action, object_type, object_id, client_id, outcome, source_ip, user_agent, details)
      VALUES (${now.toISOString()}::timestamptz, ${event.actorId}::uuid, ${event.organisationId}::uuid, ${event.role}, ${event.action}, ${event.objectType}, ${event.objectId},
        ${clientId}::uuid, ${event.outcome}, ${event.sourceIp}, ${event.userAgent}, ${JSON.stringify(event.details)}::jsonb)`);
  });
}

/** Transactions per second with `connections` loops running for SECONDS. */
async function throughput(database: Database, variant: Variant, connections: number): Promise<number> {
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  const started = performance.now();
  // The audited variant runs with the sealer on its timer, as the app does.
  const sealer = variant === 'audited' ? setInterval(() => void sealAuditLog(database.db).catch((error: unknown) => console.error('seal failed', error)), SEAL_INTERVAL_MS) : null;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await oneTransaction(database, variant);
        done += 1;
      }
    }),
  );
  if (sealer) clearInterval(sealer);
  return done / ((performance.now() - started) / 1000);
}

/** Fills the log to AUDIT_ROWS rows in bulk (rows hashed as appendAuditEvent hashes them, 20,000 a transaction), then seals them. */
async function fillLog(database: Database) {
  const [count] = await database.db.execute(sql`SELECT count(*)::int AS rows FROM audit_log`).then((result) => (result as unknown as { rows: { rows: number }[] }).rows);
  let rows = count?.rows ?? 0;
  const start = new Date();
  while (rows < AUDIT_ROWS) {
    const chunk = Math.min(20_000, AUDIT_ROWS - rows);
    await database.db.execute(sql`INSERT INTO audit_log (sequence, xid, occurred_at, actor_id, organisation_id, role, action, object_type, object_id, client_id, outcome, source_ip, user_agent, details, hash)
      SELECT r.sequence, r.xid, r.occurred_at, r.actor_id, r.organisation_id, r.role, r.action, r.object_type, r.object_id, r.client_id, r.outcome, r.source_ip, r.user_agent, r.details, ${rowHashSql('r')}
      FROM (SELECT nextval('audit_log_sequence_seq') AS sequence, pg_current_xact_id() AS xid, ${start.toISOString()}::timestamptz(3) + g * interval '1 millisecond' AS occurred_at,
              gen_random_uuid() AS actor_id, NULL::uuid AS on_behalf_of_id, gen_random_uuid() AS organisation_id, 'jgz_nurse'::text AS role, 'read'::text AS action,
              'family'::text AS object_type, g::text AS object_id, gen_random_uuid() AS client_id, NULL::uuid[] AS client_ids, 'success'::text AS outcome, '10.0.0.1'::text AS source_ip,
              'bench'::text AS user_agent, NULL::text AS reason, '{"view": "overview"}'::jsonb AS details
            FROM generate_series(${rows + 1}::int, ${rows + chunk}::int) g) r`);
    rows += chunk;
  }
  return sealAuditLog(database.db);
}

const { database, label, cleanUp } = await openBenchDatabase('audit', process.env.BENCH_DATABASE_URL, Math.max(...CONNECTIONS) + 1);
try {
  console.log(`Audit benchmark — database: ${label}; ${SECONDS} s per measurement; connections ${CONNECTIONS.join(', ')}.`);
  await prepareDatabase(database, { dataFolder: DATA_FOLDER, seedDemo: false, now: new Date() });
  await createBenchTables(database);
  const rows: string[][] = [];
  for (const connections of CONNECTIONS) {
    // Warm up both (connections, plans), then measure them one after the other.
    await throughput(database, 'plain', connections);
    const plain = await throughput(database, 'plain', connections);
    const audited = await throughput(database, 'audited', connections);
    const ratio = audited / plain;
    rows.push([String(connections), plain.toFixed(0), audited.toFixed(0), `${(ratio * 100).toFixed(0)} %`, `≥ 80 % ${ratio >= 0.8 ? 'PASS' : 'MISS'}`]);
  }
  const [one, five] = loadavg();
  console.log(`\nLoad average ${one!.toFixed(2)} / ${five!.toFixed(2)} on ${cpus().length} cores (judge by the ratio when the machine is busy).`);
  const header = ['connections', 'plain tx/s', 'audited tx/s', 'audited/plain', 'target'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const line of [header, ...rows]) console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));

  await sealAuditLog(database.db);
  const filling = performance.now();
  const sealed = await fillLog(database);
  console.log(
    `\nLog filled to ${AUDIT_ROWS.toLocaleString('en')} rows and sealed (${sealed.batches.length} new batches) in ${((performance.now() - filling) / 1000).toFixed(1)} s.`,
  );
  const verifying = performance.now();
  const verification = await verifyAuditChain(database.db, { parallel: 4 });
  const seconds = (performance.now() - verifying) / 1000;
  const perSecond = verification.rowCount / seconds;
  console.log(
    `audit:verify: ${verification.rowCount.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${perSecond.toFixed(0)} rows/s ` +
      `(target ≥ 200,000 ${perSecond >= 200_000 ? 'PASS' : 'MISS'}); chain ${verification.isValid ? 'intact' : `BROKEN: ${verification.problems.slice(0, 3).join('; ')}`}.`,
  );
} finally {
  await database.close();
  await cleanUp();
}
