// SPDX-License-Identifier: EUPL-1.2
// Collaboration agreements over HTTP: recording one with parties, the status machine, the reason a
// topic has none, documents (checked by content, size-limited before buffering, downloaded as an
// attachment), the "te herzien" list and its CSV; refusals and bad input in Dutch, nothing saved partly.
import { Readable } from 'node:stream';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { callerFor, type Caller } from '../organisations/test-support.js';
import type { Partner } from '../../../contracts/coalition-partners.js';
import type { Agreement, AgreementOverview, DocumentInfo, ToReviewList } from '../../../contracts/coalition-agreements.js';
import { coalitionAgreementDocuments, coalitionAgreementParties, coalitionAgreements } from './schema.js';
import { sampleDocx, sampleExecutable, sampleOdf, samplePdf } from './test-support.js';

let t: TestApp;
let coordinator: Caller;
let analyst: Caller;
let policyOfficer: Caller;
let admin: Caller;
let jgz: Partner;
let midwives: Partner;
let otherCoalitionPartner: Partner;
const base = (code = 'KS0001') => `/api/v1/coalitions/${code}`;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  coordinator = await callerFor(t, 'coordinator');
  analyst = await callerFor(t, 'analyst');
  policyOfficer = await callerFor(t, 'policyOfficer');
  admin = await callerFor(t, 'platformAdmin');
  jgz = (await coordinator.request('POST', `${base()}/partners`, { organisationId: t.demo.organisationIds.jgz, domain: 'medical', level: 'uitvoerend' })).json();
  midwives = (await coordinator.request('POST', `${base()}/partners`, { organisationId: t.demo.organisationIds.wieg, domain: 'medical', level: 'uitvoerend' })).json();
  otherCoalitionPartner = (await admin.request('POST', `${base('KS0002')}/partners`, { externalName: 'Elders', domain: 'social', level: 'uitvoerend' })).json();
});
afterAll(() => t.close());

async function counts() {
  const db = t.database.db;
  return {
    agreements: (await db.select().from(coalitionAgreements)).length,
    parties: (await db.select().from(coalitionAgreementParties)).length,
    documents: (await db.select().from(coalitionAgreementDocuments)).length,
  };
}

const homeVisit = () => ({
  topic: 'prenatal_home_visit',
  level: 'uitvoering',
  status: 'agreed',
  title: 'Prenataal huisbezoek door de JGZ',
  agreedOn: '2023-01-15',
  reviewDue: '2025-01-15',
  parties: [
    { partnerId: jgz.id, role: 'Voert het huisbezoek uit' },
    { partnerId: midwives.id, role: 'Signaleert en verwijst' },
  ],
});

describe('collaboration agreements', () => {
  let agreement: Agreement;

  it('the coordinator records the prenatal home visit agreement with two parties (audited)', async () => {
    const { response, rows } = await coordinator.audited('POST', `${base()}/agreements`, { ...homeVisit(), idempotencyKey: randomUUID() });
    expect(response.statusCode, response.body).toBe(201);
    agreement = response.json<Agreement>();
    expect(agreement).toMatchObject({
      topic: 'prenatal_home_visit',
      status: 'agreed',
      isReviewOverdue: true,
      version: 1,
      nextStatuses: ['under_review', 'expired'],
      allowedActions: ['update', 'upload'],
      document: null,
    });
    expect(agreement.parties.map((party) => party.name).sort()).toEqual(['JGZ Zuid-Holland Zuid', 'Verloskundigenpraktijk De Wieg']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', objectType: 'coalition_agreement', objectId: agreement.id, outcome: 'success' });
  });

  it('the same idempotency key again returns the agreement made before (200)', async () => {
    const key = randomUUID();
    const first = await coordinator.request('POST', `${base()}/agreements`, { ...homeVisit(), topic: 'interventions', idempotencyKey: key });
    expect(first.statusCode).toBe(201);
    const before = await counts();
    const again = await coordinator.request('POST', `${base()}/agreements`, { ...homeVisit(), topic: 'interventions', idempotencyKey: key });
    expect(again.statusCode).toBe(200);
    expect(again.json<Agreement>().id).toBe(first.json<Agreement>().id);
    expect(await counts()).toEqual(before);
  });

  it('everyone logged in reads the agreements per topic; only the coordinator is offered edits', async () => {
    const overview = (await policyOfficer.request('GET', `${base()}/agreements`)).json<AgreementOverview>();
    expect(overview.topics).toHaveLength(10);
    expect(overview.topics[0]!.topic).toBe('prenatal_home_visit');
    expect(overview.topics[0]!.agreements[0]!.allowedActions).toEqual([]);
    expect(overview.allowedActions).toEqual([]);
    expect((await coordinator.request('GET', `${base()}/agreements`)).json<AgreementOverview>().allowedActions).toEqual(['create']);
  });

  it('status moves only along the state machine; an old version is refused', async () => {
    const put = (body: object) => coordinator.request('PUT', `${base()}/agreements/${agreement.id}`, { ...homeVisit(), ...body });
    const refused = await put({ status: 'in_development', version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'agreement_status_transition', detail: expect.stringMatching(/niet mogelijk/) });
    const review = await put({ status: 'under_review', version: 1 });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json<Agreement>()).toMatchObject({ status: 'under_review', version: 2, isReviewOverdue: true });
    expect((await put({ status: 'agreed', version: 1 })).json()).toMatchObject({ code: 'stale_version' });
    const renewed = await put({ status: 'agreed', version: 2, reviewDue: '2020-01-01', agreedOn: '2019-06-01' });
    expect(renewed.json<Agreement>()).toMatchObject({ status: 'agreed', version: 3, reviewDue: '2020-01-01' });
    agreement = renewed.json<Agreement>();
  });

  it('bad input: a party that is not a partner, a review date before the agreed date, no date for an agreed one — nothing saved', async () => {
    const before = await counts();
    const stranger = await coordinator.request('POST', `${base()}/agreements`, {
      ...homeVisit(),
      topic: 'warm_handover',
      parties: [{ partnerId: jgz.id, role: 'Draagt over' }, { partnerId: otherCoalitionPartner.id, role: 'Ontvangt' }],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json()).toMatchObject({ code: 'agreement_party_not_partner', errors: [{ path: 'parties.1.partnerId', message: 'Deze partij is geen partner van deze coalitie.' }] });
    const early = await coordinator.request('POST', `${base()}/agreements`, { ...homeVisit(), agreedOn: '2024-05-01', reviewDue: '2024-04-30' });
    expect(early.statusCode).toBe(400);
    expect(early.json<{ errors: { path: string; message: string }[] }>().errors).toContainEqual({ path: 'body.reviewDue', code: 'invalid', message: 'De herzieningsdatum ligt vóór de datum waarop de afspraak is gemaakt.' });
    const undated = await coordinator.request('POST', `${base()}/agreements`, { ...homeVisit(), agreedOn: null });
    expect(undated.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toContain('body.agreedOn');
    const twice = await coordinator.request('POST', `${base()}/agreements`, { ...homeVisit(), parties: [{ partnerId: jgz.id, role: 'a' }, { partnerId: jgz.id, role: 'b' }] });
    expect(twice.statusCode).toBe(400);
    // An edit that names a stranger changes nothing either (the parties are replaced in the same transaction).
    const edit = await coordinator.request('PUT', `${base()}/agreements/${agreement.id}`, { ...homeVisit(), version: agreement.version, parties: [{ partnerId: otherCoalitionPartner.id, role: 'x' }] });
    expect(edit.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
    const still = (await coordinator.request('GET', `${base()}/agreements`)).json<AgreementOverview>().topics[0]!.agreements[0]!;
    expect(still.parties).toHaveLength(2);
    expect(still.version).toBe(agreement.version);
  });

  it('a topic without agreement records why; not while there is an agreement; an agreement takes the reason away', async () => {
    const reason = 'We ontwikkelen deze afspraken nog met de GGD.';
    const set = await coordinator.request('PUT', `${base()}/agreement-topics/preconception_health/no-agreement-reason`, { reason });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<AgreementOverview>().topics.find((topic) => topic.topic === 'preconception_health')!.noAgreementReason).toBe(reason);
    const conflict = await coordinator.request('PUT', `${base()}/agreement-topics/prenatal_home_visit/no-agreement-reason`, { reason });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ detail: expect.stringMatching(/al een afspraak/) });
    await coordinator.request('POST', `${base()}/agreements`, { ...homeVisit(), topic: 'preconception_health', status: 'in_development', agreedOn: null, reviewDue: null });
    const after = (await coordinator.request('GET', `${base()}/agreements`)).json<AgreementOverview>().topics.find((topic) => topic.topic === 'preconception_health')!;
    expect(after.noAgreementReason).toBeNull();
    expect(after.agreements).toHaveLength(1);
    expect((await coordinator.request('PUT', `${base()}/agreement-topics/regional/no-agreement-reason`, { reason: '   ' })).statusCode).toBe(400);
    expect((await coordinator.request('PUT', `${base()}/agreement-topics/onbekend/no-agreement-reason`, { reason })).statusCode).toBe(400);
  });

  it('a coordinator of another coalition, a policy officer and an analyst may not record or change agreements', async () => {
    const other = await coordinator.audited('POST', `${base('KS0002')}/agreements`, { ...homeVisit(), parties: [] });
    expect(other.response.statusCode).toBe(403);
    expect(other.rows[0]).toMatchObject({ action: 'access_denied', outcome: 'denied' });
    for (const caller of [policyOfficer, analyst]) {
      expect((await caller.request('POST', `${base()}/agreements`, homeVisit())).statusCode).toBe(403);
      expect((await caller.request('PUT', `${base()}/agreements/${agreement.id}/document?fileName=a.pdf`, samplePdf(), { 'content-type': 'application/pdf' })).statusCode).toBe(403);
    }
  });
});

describe('documents', () => {
  let agreementId: string;
  const upload = (content: Buffer | Readable, type: string, fileName = 'afspraak.pdf', headers: Record<string, string> = {}) =>
    coordinator.request('PUT', `${base()}/agreements/${agreementId}/document?fileName=${encodeURIComponent(fileName)}`, content, { 'content-type': type, ...headers });

  beforeAll(async () => {
    agreementId = (await coordinator.request('GET', `${base()}/agreements`)).json<AgreementOverview>().topics[0]!.agreements[0]!.id;
  });

  it('a PDF is stored with its SHA-256, audited, and downloaded as an attachment with nosniff', async () => {
    const pdf = samplePdf();
    const { response, rows } = await coordinator.audited('PUT', `${base()}/agreements/${agreementId}/document?fileName=${encodeURIComponent('../Afspraak "huisbezoek".pdf')}`, pdf, { 'content-type': 'application/pdf' });
    expect(response.statusCode, response.body).toBe(200);
    const info = response.json<DocumentInfo>();
    expect(info).toMatchObject({ fileName: 'Afspraak _huisbezoek.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    expect(rows[0]).toMatchObject({ objectType: 'agreement_document', objectId: agreementId, details: { change: 'upload', mediaType: 'application/pdf', sizeBytes: pdf.length, sha256: info.sha256 } });

    const download = await analyst.request('GET', `${base()}/agreements/${agreementId}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Afspraak _huisbezoek.pdf"; filename*=UTF-8''Afspraak%20_huisbezoek.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const overview = (await analyst.request('GET', `${base()}/agreements`)).json<AgreementOverview>();
    expect(overview.topics[0]!.agreements[0]!.document).toMatchObject({ fileName: 'Afspraak _huisbezoek.pdf' });
  });

  it('office files are accepted for what their content is; the newest upload is the document, earlier ones are kept', async () => {
    const before = (await counts()).documents;
    expect((await upload(sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'verslag.docx')).statusCode).toBe(200);
    const odt = await upload(sampleOdf('application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text', 'verslag.odt');
    expect(odt.json<DocumentInfo>().fileName).toBe('verslag.odt');
    expect((await counts()).documents).toBe(before + 2);
    const download = await analyst.request('GET', `${base()}/agreements/${agreementId}/document`);
    expect(download.headers['content-type']).toBe('application/vnd.oasis.opendocument.text');
  });

  it('an executable renamed to .pdf, a docx sent as PDF and an unknown media type are refused in Dutch; nothing stored', async () => {
    const before = (await counts()).documents;
    const exe = await upload(sampleExecutable(), 'application/pdf', 'afspraak.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'document_type_not_allowed', detail: expect.stringMatching(/geen PDF of kantoorbestand/) });
    expect((await upload(sampleDocx(), 'application/pdf')).json()).toMatchObject({ code: 'document_type_not_allowed' });
    const html = await upload(Buffer.from('<html></html>'), 'text/html', 'a.html');
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ code: 'document_type_not_allowed' });
    expect((await upload(Buffer.alloc(0), 'application/pdf')).statusCode).toBe(400);
    expect((await counts()).documents).toBe(before);
  });

  it('a 200 MB upload is refused by its Content-Length before any of it is read', async () => {
    let produced = 0;
    const body = new Readable({
      read() {
        if (produced >= 200 * 1024 * 1024) return this.push(null);
        produced += 1024 * 1024;
        this.push(Buffer.alloc(1024 * 1024, 0x25));
      },
    });
    const response = await upload(body, 'application/pdf', 'groot.pdf', { 'content-length': String(200 * 1024 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'document_too_large', detail: expect.stringMatching(/10 MB/) });
    expect(produced).toBeLessThan(200 * 1024 * 1024);
  });

  it('a 200 MB upload without Content-Length (chunked) is refused once the limit is passed while reading', async () => {
    // Fastify's parser stops collecting at the bodyLimit; the test transport (light-my-request) drains
    // the rest of the stream, so only the refusal is checked here, not how much was produced.
    let produced = 0;
    const body = new Readable({
      read() {
        if (produced >= 200 * 1024 * 1024) return this.push(null);
        produced += 1024 * 1024;
        this.push(Buffer.alloc(1024 * 1024, 0x25));
      },
    });
    const response = await upload(body, 'application/pdf', 'groot.pdf', { 'transfer-encoding': 'chunked' });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'document_too_large' });
  });

  it('an agreement without a document answers 404 for the download', async () => {
    const overview = (await analyst.request('GET', `${base()}/agreements`)).json<AgreementOverview>();
    const bare = overview.topics.find((topic) => topic.topic === 'interventions')!.agreements[0]!;
    expect((await analyst.request('GET', `${base()}/agreements/${bare.id}/document`)).statusCode).toBe(404);
  });
});

describe('te herzien', () => {
  it('the coordinator sees the overdue agreements of her coalitions; the analyst sees all; CSV works', async () => {
    const adminAgreement = await admin.request('POST', `${base('KS0002')}/agreements`, { ...homeVisit(), parties: [], reviewDue: '2024-01-01' });
    expect(adminAgreement.statusCode).toBe(201);
    const mine = (await coordinator.request('GET', '/api/v1/coalition-agreements/to-review')).json<ToReviewList>();
    expect(mine.scope).toBe('mine');
    expect(mine.items.map((item) => item.coalitionCode)).not.toContain('KS0002');
    expect(mine.items.find((item) => item.topic === 'prenatal_home_visit')).toMatchObject({ coalitionCode: 'KS0001', reviewDue: '2020-01-01', status: 'agreed' });
    expect(mine.items.every((item) => item.daysOverdue > 0)).toBe(true);
    const all = (await analyst.request('GET', '/api/v1/coalition-agreements/to-review')).json<ToReviewList>();
    expect(all.scope).toBe('all');
    expect(all.items.map((item) => item.coalitionCode)).toEqual(expect.arrayContaining(['KS0001', 'KS0002']));
    expect((await coordinator.request('GET', '/api/v1/coalition-agreements/to-review?scope=all')).json<ToReviewList>().items).toHaveLength(all.items.length);
    // The analyst asking for "mine" has none.
    expect((await analyst.request('GET', '/api/v1/coalition-agreements/to-review?scope=mine')).json<ToReviewList>().items).toEqual([]);
    const csv = await coordinator.audited('GET', '/api/v1/coalition-agreements/to-review', undefined, { accept: 'text/csv' });
    expect(csv.response.statusCode).toBe(200);
    expect(csv.response.body).toContain('Code;Coalitie;Onderwerp;Afspraak;Niveau;Status;Herzien uiterlijk;Dagen over de datum');
    expect(csv.response.body).toContain('KS0001;Coalitie Kansrijke Start Drechtsteden;Prenataal huisbezoek;');
    expect(csv.rows[0]).toMatchObject({ action: 'export', objectType: 'coalition_agreement' });
  });
});
