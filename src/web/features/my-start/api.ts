// SPDX-License-Identifier: EUPL-1.2
// The parents' API (/api/v1/my) as the pages use it. Every call is a session probe: a parent's
// ended session leads to the parents' login page (these pages), never to the staff login.
import { apiBlob, apiJson } from '../../api/client.js';
import type { MyAccessLog, MyChild, MyChildren, MyConsentGiven, MySession, MyStart } from '../../../contracts/my-start.js';
import type { ConsentWithdrawal } from '../../../contracts/referrals.js';

export type { MyAccessLog, MyChild, MyChildren, MySession, MyStart };
const probe = { isSessionProbe: true };

export const myStartApi = {
  options: () => apiJson<{ hasParentLogin: boolean }>('GET', '/my/auth/options', probe),
  session: () => apiJson<MySession>('GET', '/my/session', probe),
  overview: (familyId: string) => apiJson<MyStart>('GET', `/my/families/${familyId}`, probe),
  accessLog: (familyId: string) => apiJson<MyAccessLog>('GET', `/my/families/${familyId}/access-log`, probe),
  withdraw: (familyId: string, consentId: string) =>
    apiJson<ConsentWithdrawal>('POST', `/my/families/${familyId}/consents/${consentId}/withdrawal`, probe),
  giveConsent: (familyId: string, referralId: string) =>
    apiJson<MyConsentGiven>('POST', `/my/families/${familyId}/referrals/${referralId}/consent`, probe),
  copy: (familyId: string) => apiBlob(`/my/families/${familyId}/copy`, { ...probe, accept: 'application/zip' }),
  children: () => apiJson<MyChildren>('GET', '/my/children', probe),
  child: (childId: string) => apiJson<MyChild>('GET', `/my/children/${encodeURIComponent(childId)}`, probe),
  logout: (everywhere: boolean) => apiJson<void>('POST', everywhere ? '/my/auth/logout-everywhere' : '/my/auth/logout', probe),
};

/** Where the browser starts the DigiD login (a full navigation: the broker's pages are not ours). */
export const PARENT_LOGIN_URL = '/api/v1/my/auth/login';
/** One ZIP file: mijn-gegevens.pdf (to read) and mijn-gegevens.fhir.json (FHIR R4, for another system). */
export const COPY_FILE_NAME = 'mijn-gegevens.zip';
