// SPDX-License-Identifier: EUPL-1.2
// Test helpers for Mijn Kansrijke Start: a parent with a file (a client of De Wieg with a BSN, under
// her consent seen by JGZ, referred to JGZ, with a planned home visit and a referral to the social team
// that waits for her own consent), a parent's session made directly (for tests that are not about
// logging in), the parents' broker settings, and readers of the copy (its ZIP and the PDF's text).
import { crc32 as zlibCrc32 } from 'node:zlib';
import { CSRF_COOKIE, CSRF_HEADER, PARENT_SESSION_COOKIE } from '../../platform/auth/session.js';
import type { TestApp } from '../../../../test/helpers/test-app.js';
import { careCallers, dayFromToday, familyForJgz, type CareSetting } from '../jgz/test-support.js';
import { homeVisits } from '../jgz/schema.js';
import { referrals } from '../referrals/schema.js';
import { startParentSession } from './parent-session.js';
import { startIdentityProvider, type TestIdentityProvider } from '../../../../test/helpers/test-identity-provider.js';

/** Valid BSNs (they pass the elfproef) and one that fails it. */
export const PARENT_BSN = '123456782';
export const OTHER_PARENT_BSN = '999999990';
export const INVALID_BSN = '123456789';
/** Written in the referral by the midwife: a parent never sees it. */
export const PROFESSIONAL_NOTE = 'Notitie-van-de-verloskundige-nooit-voor-de-ouder';

export const PARENT_CLIENT_ID = 'kansrijk-ouders-test';
export const PARENT_CLIENT_SECRET = 'test-ouders-client-secret';

/**
 * A test DigiD broker in this process for parents' logins coming back at `redirectUri`, and the
 * environment of an app whose parents log in through it.
 */
export async function startParentBroker(redirectUri: string): Promise<{ idp: TestIdentityProvider; env: Record<string, string> }> {
  const idp = await startIdentityProvider({ clientId: PARENT_CLIENT_ID, clientSecret: PARENT_CLIENT_SECRET, redirectUris: () => [redirectUri] });
  return {
    idp,
    env: {
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      PARENT_OIDC_ISSUER: idp.issuer,
      PARENT_OIDC_CLIENT_ID: PARENT_CLIENT_ID,
      PARENT_OIDC_CLIENT_SECRET: PARENT_CLIENT_SECRET,
      PARENT_OIDC_REDIRECT_URI: redirectUri,
    },
  };
}

export interface ParentFile {
  familyId: string;
  memberId: string;
  consentId: string;
  referralId: string;
  homeVisitId: string;
  /** A referral the midwife prepared to the social team, waiting for the parent's own consent. */
  awaitingReferralId: string;
  setting: CareSetting;
}

export async function insertParentFile(t: TestApp, bsn: string = PARENT_BSN, givenName = 'Fatima'): Promise<ParentFile> {
  const setting = await careCallers(t);
  const family = await familyForJgz(t, setting, { bsn, givenName });
  const now = t.clock.now();
  const [referral] = await t.database.db
    .insert(referrals)
    .values({
      familyId: family.familyId,
      senderOrganisationId: t.demo.organisationIds.wieg!,
      senderPersonId: setting.midwife.session.personId,
      receiverOrganisationId: t.demo.organisationIds.jgz!,
      municipalityCode: 'GM0505',
      status: 'accepted',
      consentId: family.consentId,
      reason: PROFESSIONAL_NOTE,
      factorKeys: ['stress'],
      requestedAt: now,
    })
    .returning({ id: referrals.id });
  const [visit] = await t.database.db
    .insert(homeVisits)
    .values({ familyId: family.familyId, organisationId: t.demo.organisationIds.jgz!, nurseId: setting.nurse.session.personId, plannedOn: dayFromToday(t, 14) })
    .returning({ id: homeVisits.id });
  const [awaiting] = await t.database.db
    .insert(referrals)
    .values({
      familyId: family.familyId,
      senderOrganisationId: t.demo.organisationIds.wieg!,
      senderPersonId: setting.midwife.session.personId,
      receiverOrganisationId: t.demo.organisationIds.wijkteam!,
      municipalityCode: 'GM0505',
      status: 'draft',
      consentId: null,
      reason: PROFESSIONAL_NOTE,
      factorKeys: ['money-debts'],
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: referrals.id });
  return {
    familyId: family.familyId,
    memberId: family.clientId,
    consentId: family.consentId,
    referralId: referral!.id,
    homeVisitId: visit!.id,
    awaitingReferralId: awaiting!.id,
    setting,
  };
}

const CSRF_FOR_TESTS = 'parent-test-csrf-token-0123456789';

/** Headers for app.inject with a parent's session cookie (and the CSRF pair). */
export function parentHeaders(token: string): Record<string, string> {
  return { cookie: `${PARENT_SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${CSRF_FOR_TESTS}`, [CSRF_HEADER]: CSRF_FOR_TESTS };
}

/** A parent's session for this file, made directly (as a login at level substantieel would). */
export async function parentSessionFor(t: TestApp, file: Pick<ParentFile, 'familyId' | 'memberId'>): Promise<{ sessionId: string; headers: Record<string, string> }> {
  const session = await startParentSession(
    t.database.db,
    { memberId: file.memberId, familyIds: [file.familyId], levelOfAssurance: 'substantieel', origin: { sourceIp: null, userAgent: null } },
    t.config,
    t.clock.now(),
  );
  return { sessionId: session.id, headers: parentHeaders(session.token) };
}

/** The entries of a ZIP file with stored (uncompressed) entries, read from its central directory. */
export function readStoredZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (method !== 0) throw new Error(`${name}: not stored`);
    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    if (zlibCrc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const WIN_ANSI_HIGH: Record<number, string> = { 0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—' };

/** The text of a PDF as written by pdf-writer: every string shown with Tj, decoded from WinAnsi, one per line. */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)) {
    const raw = match[1]!.replace(/\\([0-7]{3}|.)/g, (_whole, escaped: string) => (escaped.length === 3 ? String.fromCharCode(parseInt(escaped, 8)) : escaped));
    lines.push([...raw].map((char) => WIN_ANSI_HIGH[char.charCodeAt(0)] ?? char).join(''));
  }
  return lines.join('\n');
}

/** The cross-reference table of a PDF checked against its objects: each entry points at "n 0 obj". */
export function pdfXrefProblems(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const problems: string[] = [];
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(source)?.[1] ?? NaN);
  if (!source.startsWith('%PDF-1.')) problems.push('no PDF header');
  if (Number.isNaN(startxref) || source.slice(startxref, startxref + 4) !== 'xref') return [...problems, 'startxref does not point at xref'];
  const [, first, size] = /^xref\n(\d+) (\d+)\n/.exec(source.slice(startxref)) ?? [];
  const table = source.slice(startxref).split('\n').slice(2, 2 + Number(size));
  table.forEach((entry, index) => {
    const id = Number(first) + index;
    if (id === 0) return;
    const offset = Number(entry.slice(0, 10));
    if (!source.startsWith(`${id} 0 obj`, offset)) problems.push(`object ${id} not at ${offset}`);
  });
  if (!/\/Size (\d+)/.test(source) || Number(/\/Size (\d+)/.exec(source)![1]) !== Number(size)) problems.push('trailer /Size differs from xref');
  return problems;
}
