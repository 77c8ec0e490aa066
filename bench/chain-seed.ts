// SPDX-License-Identifier: EUPL-1.2
// Bulk synthetic families for `npm run bench:chain`: set-based SQL (INSERT … SELECT over one generated
// table), so 200,000 families take seconds, not minutes. Every family has a client (half also a
// partner), an ongoing pregnancy and a registered care relationship with one of the demo care
// organisations; ~7% of the families not registered by JGZ were referred to JGZ under a consent, in
// every status, so the JGZ inbox holds thousands of rows. Deterministic (setseed) for a given size.
import pg from 'pg';
import { normaliseName } from '../src/server/features/families/domain/bsn.js';
import { familyNameKey } from '../src/server/features/families/domain/name-search.js';
import { amsterdamDate } from '../src/contracts/calendar.js';

const GIVEN_NAMES = [
  'Fatima', 'Sanne', 'Emma', 'Julia', 'Lotte', 'Anouk', 'Sophie', 'Lisa', 'Eva', 'Noor', 'Fleur', 'Iris', 'Amira', 'Yasmin',
  'Ayşe', 'Zeynep', 'Naima', 'Samira', 'Maria', 'Anna', 'Laura', 'Kim', 'Demi', 'Esra', 'Nadia', 'Chantal', 'Marloes',
  'Ilse', 'Femke', 'Roos', 'Mila', 'Sara', 'Hanna', 'Joyce', 'Priya', 'Olga', 'Agnieszka', 'Élise', 'Linda', 'Mirjam',
];
const FAMILY_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra',
  'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
  'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems',
  'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom',
  'Huisman', 'Yılmaz', 'El Amrani', 'Kaya', 'Öztürk', 'Bouzid', 'Nowak', 'Kowalski', 'Rodrigues', 'Nguyen', 'Benali',
];
const DRECHTSTEDEN = ['GM0505', 'GM0482', 'GM0590', 'GM0610', 'GM0642'];

export interface SeedPeople {
  organisationIds: Record<string, string>;
  midwifeId: string;
  socialWorkerId: string;
}

export interface SeedResult {
  families: number;
  members: number;
  referrals: number;
  jgzInbox: number;
  /** Families of De Wieg with a valid consent for JGZ and no referral yet: one per POST in the bench. */
  referralPool: { familyId: string; consentId: string }[];
  durationMs: number;
}

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/**
 * Adds `count` families to the database at `url` (migrated, with the demo seeded). `poolSize` extra
 * families of De Wieg get a fresh consent for JGZ, for creating referrals.
 */
export async function seedChainFamilies(url: string, people: SeedPeople, count: number, poolSize: number, now: Date): Promise<SeedResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const today = amsterdamDate(now);
  const org = people.organisationIds;
  const [wieg, domstad, jgz, wijkteam] = [org.wieg!, org.domstad!, org.jgz!, org.wijkteam!];
  try {
    await client.query('SELECT setseed(0.2026)');
    const municipalityCodes = (await client.query<{ code: string }>('SELECT code FROM municipalities ORDER BY code')).rows.map((row) => row.code);
    // One generated row per family; every table below is filled from it with one INSERT … SELECT.
    await client.query(`
      CREATE UNLOGGED TABLE bench_seed AS
      SELECT i,
        gen_random_uuid() AS family_id,
        CASE WHEN o < 7 THEN '${wieg}' WHEN o < 12 THEN '${domstad}' WHEN o < 17 THEN '${jgz}' ELSE '${wijkteam}' END::uuid AS organisation_id,
        CASE WHEN random() < 0.65 THEN (${sqlArray(DRECHTSTEDEN)})[1 + floor(random() * ${DRECHTSTEDEN.length})::int]
             ELSE (${sqlArray(municipalityCodes)})[1 + floor(random() * ${municipalityCodes.length})::int] END AS municipality_code,
        1 + floor(random() * ${GIVEN_NAMES.length})::int AS given_index,
        1 + floor(random() * ${FAMILY_NAMES.length})::int AS family_index,
        1 + floor(random() * ${GIVEN_NAMES.length})::int AS partner_index,
        random() < 0.5 AS has_partner,
        date '1978-01-01' + floor(random() * 9500)::int AS birth_date,
        '${today}'::date + floor(random() * 320 - 40)::int AS due_date,
        (1000 + floor(random() * 8999)::int)::text || ' ' || chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int) AS postcode,
        '06' || lpad(floor(random() * 100000000)::int::text, 8, '0') AS phone,
        now() - make_interval(days => floor(random() * 700)::int) AS created_at,
        (o < 12 OR o >= 17) AS may_refer,
        random() AS referral_draw,
        random() AS status_draw,
        random() AS days_draw,
        gen_random_uuid() AS consent_id,
        gen_random_uuid() AS referral_id
      FROM (SELECT i, floor(random() * 20)::int AS o FROM generate_series(1, ${count}) AS i) AS draws`);
    await client.query(`
      ALTER TABLE bench_seed ADD COLUMN status text, ADD COLUMN requested_days_ago int;
      UPDATE bench_seed SET status = CASE
          WHEN status_draw < 0.30 THEN 'requested' WHEN status_draw < 0.40 THEN 'received' WHEN status_draw < 0.60 THEN 'accepted'
          WHEN status_draw < 0.70 THEN 'in-progress' WHEN status_draw < 0.85 THEN 'completed' WHEN status_draw < 0.90 THEN 'rejected'
          WHEN status_draw < 0.95 THEN 'cancelled' ELSE 'on-hold' END
        WHERE may_refer AND referral_draw < 0.07;
      -- Open referrals are recent (a third past the 7-day answer term); handled ones up to three months old.
      UPDATE bench_seed SET requested_days_ago = floor(days_draw * CASE WHEN status IN ('requested', 'received') THEN 10 ELSE 90 END)::int
        WHERE status IS NOT NULL;
      CREATE INDEX ON bench_seed (i);
      ANALYZE bench_seed`);

    await client.query('BEGIN');
    await client.query(`
      INSERT INTO families (id, municipality_code, postcode, registered_by_organisation_id, phone, created_at, updated_at)
      SELECT family_id, municipality_code, postcode, organisation_id, phone, created_at, created_at FROM bench_seed`);
    const given = sqlArray(GIVEN_NAMES);
    const givenSearch = sqlArray(GIVEN_NAMES.map(normaliseName));
    const family = sqlArray(FAMILY_NAMES);
    const familySearch = sqlArray(FAMILY_NAMES.map(normaliseName));
    const familyKey = sqlArray(FAMILY_NAMES.map(familyNameKey));
    await client.query(`
      INSERT INTO family_members (family_id, role, given_name, family_name, search_name, family_name_key, birth_date, sex, created_at)
      SELECT family_id, 'client', (${given})[given_index], (${family})[family_index],
        (${givenSearch})[given_index] || ' ' || (${familySearch})[family_index], (${familyKey})[family_index], birth_date, 'female', created_at
      FROM bench_seed`);
    await client.query(`
      INSERT INTO family_members (family_id, role, given_name, family_name, search_name, birth_date, sex, created_at)
      SELECT family_id, 'partner', (${given})[partner_index], (${family})[1 + (family_index + i) % ${FAMILY_NAMES.length}],
        (${givenSearch})[partner_index] || ' ' || (${familySearch})[1 + (family_index + i) % ${FAMILY_NAMES.length}],
        birth_date - (i % 2000), 'unknown', created_at
      FROM bench_seed WHERE has_partner`);
    await client.query(`
      INSERT INTO pregnancies (family_id, due_date, parity, status, created_at)
      SELECT family_id, due_date, i % 3, 'ongoing', created_at FROM bench_seed`);
    await client.query(`
      INSERT INTO care_relationships (family_id, organisation_id, basis, started_at)
      SELECT family_id, organisation_id, 'registered', created_at FROM bench_seed`);

    // Referrals to JGZ, each under its own consent; a cancelled one lost its consent (withdrawn).
    const senderPerson = `CASE WHEN organisation_id = '${wijkteam}'::uuid THEN '${people.socialWorkerId}' ELSE '${people.midwifeId}' END::uuid`;
    const requestedAt = `('${now.toISOString()}'::timestamptz - make_interval(days => requested_days_ago))`;
    await client.query(`
      INSERT INTO consents (id, family_id, given_by, receiver_organisation_id, purposes, data_categories, form, given_on, valid_until,
        withdrawn_at, recorded_by_id, recorded_by_organisation_id, created_at)
      SELECT consent_id, family_id, 'client', '${jgz}', ARRAY['referral', 'prenatal_home_visit']::text[],
        ARRAY['contact_details', 'pregnancy', 'referral_reason']::text[], CASE WHEN i % 3 = 0 THEN 'verbal' ELSE 'written' END,
        ${requestedAt}::date - 1, ${requestedAt}::date + 365,
        CASE WHEN status = 'cancelled' THEN ${requestedAt} + interval '1 day' END,
        ${senderPerson}, organisation_id, ${requestedAt} - interval '1 day'
      FROM bench_seed WHERE status IS NOT NULL`);
    await client.query(`
      INSERT INTO referrals (id, family_id, sender_organisation_id, sender_person_id, receiver_organisation_id, municipality_code, status,
        status_reason, status_before_hold, outcome, consent_id, reason, factor_keys, requested_at, respond_by, responded_at,
        idempotency_key, created_at, updated_at)
      SELECT referral_id, family_id, organisation_id, ${senderPerson}, '${jgz}', municipality_code, status,
        CASE status WHEN 'rejected' THEN 'Valt buiten ons werkgebied.' WHEN 'cancelled' THEN 'toestemming ingetrokken'
          WHEN 'on-hold' THEN 'Cliënt is tijdelijk niet bereikbaar.' END,
        CASE WHEN status = 'on-hold' THEN 'accepted' END,
        CASE WHEN status = 'completed' THEN 'got_help' END,
        consent_id, 'Zwangere cliënt met zorgen over huisvesting en geldzaken; graag een prenataal huisbezoek.',
        ARRAY[]::text[], ${requestedAt}, ${requestedAt} + interval '7 days',
        CASE WHEN status NOT IN ('requested', 'received') THEN ${requestedAt} + interval '2 days' END,
        'seed-' || i, ${requestedAt}, ${requestedAt} + CASE WHEN status = 'requested' THEN interval '0' ELSE interval '2 days' END
      FROM bench_seed WHERE status IS NOT NULL`);
    await client.query(`
      INSERT INTO referral_events (referral_id, status, actor_id, organisation_id, at)
      SELECT referral_id, 'requested', ${senderPerson}, organisation_id, ${requestedAt} FROM bench_seed WHERE status IS NOT NULL
      UNION ALL
      SELECT referral_id, status, NULL, '${jgz}'::uuid, ${requestedAt} + interval '2 days' FROM bench_seed WHERE status NOT IN ('requested')`);
    // An accepted referral gives JGZ a care relationship for as long as the consent holds.
    await client.query(`
      INSERT INTO care_relationships (family_id, organisation_id, basis, referral_id, consent_id, started_at)
      SELECT family_id, '${jgz}', 'referral', referral_id, consent_id, ${requestedAt} + interval '2 days'
      FROM bench_seed WHERE status IN ('accepted', 'in-progress', 'completed', 'on-hold')`);

    // The pool for the POST benchmark: families of De Wieg with a valid consent for JGZ, not referred yet.
    const pool = await client.query<{ family_id: string; consent_id: string }>(`
      INSERT INTO consents (family_id, given_by, receiver_organisation_id, purposes, data_categories, form, given_on, valid_until,
        recorded_by_id, recorded_by_organisation_id)
      SELECT family_id, 'client', '${jgz}', ARRAY['referral']::text[], ARRAY['contact_details', 'pregnancy', 'referral_reason']::text[],
        'written', '${today}'::date, '${today}'::date + 365, '${people.midwifeId}', '${wieg}'
      FROM (SELECT family_id FROM bench_seed WHERE organisation_id = '${wieg}'::uuid AND status IS NULL ORDER BY i LIMIT ${poolSize}) AS chosen
      RETURNING family_id::text, id::text AS consent_id`);
    await client.query('COMMIT');
    await client.query('DROP TABLE bench_seed');
    // A database in steady state: statistics and visibility maps as autovacuum would leave them.
    await client.query('VACUUM ANALYZE families, family_members, pregnancies, care_relationships, consents, referrals, referral_events');

    const counts = await client.query<{ families: number; members: number; referrals: number; inbox: number }>(`
      SELECT (SELECT count(*)::int FROM families) AS families, (SELECT count(*)::int FROM family_members) AS members,
        (SELECT count(*)::int FROM referrals) AS referrals,
        (SELECT count(*)::int FROM referrals WHERE receiver_organisation_id = '${jgz}' AND status <> 'draft') AS inbox`);
    const row = counts.rows[0]!;
    return {
      families: row.families,
      members: row.members,
      referrals: row.referrals,
      jgzInbox: row.inbox,
      referralPool: pool.rows.map((poolRow) => ({ familyId: poolRow.family_id, consentId: poolRow.consent_id })),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
