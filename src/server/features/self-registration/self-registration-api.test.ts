// SPDX-License-Identifier: EUPL-1.2
// A parent's self-registration over HTTP against a real database, without login: it lands in the
// inbox of the youth health care organisation that offers the prenatal home visit in her municipality,
// with the consent given by the client; submitting twice makes one; every bad input is refused in
// Dutch with nothing saved; the write is audited as a client action without personal data; only the
// receiving organisation's professionals read the list, and that read is audited with every registration.
import { count } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { auditRowsAfter, callerFor, lastAuditSequence, type Caller } from '../organisations/test-support.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { SelfRegistrationList, SelfRegistrationReceipt } from '../../../contracts/parents-public.js';
import { selfRegistrations } from './schema.js';

let t: TestApp;
let jgzNurse: Caller;
let midwife: Caller;
const text = nl.parentsPublic;
const CSRF = { cookie: 'kr_csrf=parent-form', 'x-csrf-token': 'parent-form' };

beforeAll(async () => {
  t = await createTestApp();
  jgzNurse = await callerFor(t, 'jgzNurse');
  midwife = await callerFor(t, 'midwife');
});
afterAll(() => t.close());

const form = (overrides: Record<string, unknown> = {}) => ({
  municipalityCode: 'GM0505',
  kind: 'prenatal_home_visit',
  name: 'Fatima El Amrani',
  phone: '06 12345678',
  email: '',
  contactBy: 'phone',
  contactMoments: ['morning'],
  language: 'ar',
  noMessages: true,
  onlyAtMoments: true,
  consent: true,
  idempotencyKey: randomUUID(),
  ...overrides,
});

const submit = (body: unknown, headers: Record<string, string> = CSRF) =>
  t.app.inject({ method: 'POST', url: '/api/v1/public/self-registrations', headers, payload: body as Record<string, unknown> });

async function registrationCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(selfRegistrations);
  return Number(row!.n);
}

describe('registering oneself', () => {
  it('lands once in the JGZ inbox of Dordrecht, with the consent given by the client, however often it is sent', async () => {
    const body = form();
    const before = await lastAuditSequence(t);
    const first = await submit(body);
    expect(first.statusCode, first.body).toBe(201);
    const receipt = first.json<SelfRegistrationReceipt>();
    expect(receipt.receiverOrganisationName).toBe('JGZ Zuid-Holland Zuid');
    const again = await submit(body);
    expect(again.statusCode).toBe(200);
    expect(again.json<SelfRegistrationReceipt>().id).toBe(receipt.id);
    const [one, two] = await Promise.all([submit({ ...body, idempotencyKey: randomUUID(), name: 'Tweeling' }), submit(body)]);
    expect([one.statusCode, two.statusCode]).toEqual([201, 200]);

    // The write is audited once, as the client's own act, naming her registration but none of her data.
    const rows = (await auditRowsAfter(t, before)).filter((row) => row.objectId === receipt.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'create', outcome: 'success', role: 'client', actorId: null, objectType: 'self_registration', clientId: receipt.id });
    expect(JSON.stringify(rows[0])).not.toMatch(/Fatima|12345678/);

    const inbox = await jgzNurse.audited('GET', '/api/v1/self-registrations');
    expect(inbox.response.statusCode).toBe(200);
    const mine = inbox.response.json<SelfRegistrationList>().items.filter((item) => item.id === receipt.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'prenatal_home_visit',
      municipalityName: 'Dordrecht',
      name: 'Fatima El Amrani',
      phone: '06 12345678',
      email: null,
      contactBy: 'phone',
      contactMoments: ['morning'],
      language: 'ar',
      noMessages: true,
      onlyAtMoments: true,
      consent: { givenBy: 'client', version: '2026-12' },
    });
    const read = inbox.rows.find((row) => row.objectType === 'self_registration')!;
    expect(read).toMatchObject({ action: 'search', outcome: 'success' });
    expect(read.clientIds).toContain(receipt.id);
  });

  it('is not in the list of another organisation', async () => {
    const response = await midwife.request('GET', '/api/v1/self-registrations');
    expect(response.statusCode).toBe(200);
    expect(response.json<SelfRegistrationList>().items).toEqual([]);
  });

  it('needs login for the list and the CSRF token for the form', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/self-registrations' })).statusCode).toBe(401);
    const before = await registrationCount();
    expect((await submit(form(), {})).statusCode).toBe(403);
    expect(await registrationCount()).toBe(before);
  });

  //  what is wrong                                  the field             the Dutch message
  const BAD: [string, Record<string, unknown>, string, string][] = [
    ['a municipality outside the platform', { municipalityCode: 'GM0344' }, 'body.municipalityCode', text.errorMunicipality],
    ['a municipality that does not exist', { municipalityCode: 'GM9999' }, 'body.municipalityCode', text.errorMunicipality],
    ['not a municipality code', { municipalityCode: 'Dordrecht' }, 'body.municipalityCode', text.errorMunicipality],
    ['no consent', { consent: false }, 'body.consent', text.errorConsent],
    ['consent missing', { consent: undefined }, 'body.consent', text.errorConsent],
    ['an invalid phone number', { phone: '12ab' }, 'body.phone', text.errorPhone],
    ['phone chosen without a number', { phone: '' }, 'body.phone', text.errorPhoneRequired],
    ['an invalid e-mail address', { email: 'fatima@', contactBy: 'email' }, 'body.email', text.errorEmail],
    ['e-mail chosen without an address', { contactBy: 'email' }, 'body.email', text.errorEmailRequired],
    ['no name', { name: '  ' }, 'body.name', text.errorName],
    ['an unknown kind', { kind: 'kraamzorg' }, 'body.kind', text.errorKind],
    ['an unknown language', { language: 'fr' }, 'body.language', text.errorLanguage],
    ['only at chosen times without any', { contactMoments: [] }, 'body.contactMoments', text.errorContactMoments],
    ['a key that is no UUID', { idempotencyKey: 'twee-keer' }, 'body.idempotencyKey', text.errorIdempotencyKey],
  ];
  it.each(BAD)('refuses %s in Dutch and saves nothing', async (_what, change, path, message) => {
    const before = await registrationCount();
    const response = await submit(form(change));
    expect(response.statusCode, response.body).toBe(400);
    const errors = response.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(errors).toContainEqual(expect.objectContaining({ path, message }));
    expect(await registrationCount()).toBe(before);
  });
});

describe('protection of the public endpoint', () => {
  it('limits the number of submits per minute per IP address', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await limited.app.inject({ method: 'POST', url: '/api/v1/public/self-registrations', headers: CSRF, payload: form() });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
