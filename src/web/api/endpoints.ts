// SPDX-License-Identifier: EUPL-1.2
// Every API call the web app makes, typed by the shared wire contracts (types only: no zod in the bundle).
import type { z } from 'zod';
import type {
  authOptionsSchema,
  enrolmentConfirmationSchema,
  enrolmentSchema,
  invitationInfoSchema,
  SessionInfo,
  sessionListItemSchema,
} from '../../contracts/auth.js';
import type {
  invitationLinkSchema,
  Organisation,
  organisationCreateSchema,
  organisationPageSchema,
  organisationUpdateSchema,
  personCreatedSchema,
  personCreateSchema,
  personPageSchema,
  Person,
  personUpdateSchema,
} from '../../contracts/organisations.js';
import type { auditEventPageSchema } from '../../contracts/audit.js';
import type { Municipality, Region } from '../../contracts/reference.js';
import type {
  AreaProfile,
  Figure,
  ImportPreview,
  Indicator,
  MonitorCoalition,
  MonitorImport,
  Overview,
  Series,
  Split,
  AreaLevel,
} from '../../contracts/monitor.js';
import { apiBlob, apiJson, CSV_MEDIA_TYPE, type Query } from './client.js';

export type { SessionInfo, Organisation, Person, Municipality, Region };
export type { AreaProfile, Figure, ImportPreview, Indicator, MonitorImport, Overview, Series, Split, AreaLevel };
export type AuthOptions = z.infer<typeof authOptionsSchema>;
export type Enrolment = z.infer<typeof enrolmentSchema>;
export type EnrolmentConfirmation = z.infer<typeof enrolmentConfirmationSchema>;
export type SessionListItem = z.infer<typeof sessionListItemSchema>;
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;
export type InvitationLink = z.infer<typeof invitationLinkSchema>;
export type OrganisationPage = z.infer<typeof organisationPageSchema>;
export type OrganisationCreate = z.input<typeof organisationCreateSchema>;
export type OrganisationUpdate = z.input<typeof organisationUpdateSchema>;
export type PersonPage = z.infer<typeof personPageSchema>;
export type PersonCreate = z.input<typeof personCreateSchema>;
export type PersonCreated = z.infer<typeof personCreatedSchema>;
export type PersonUpdate = z.input<typeof personUpdateSchema>;
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;
export type AuditEvent = AuditEventPage['items'][number];

const token = (value: string) => encodeURIComponent(value);

export const authApi = {
  options: () => apiJson<AuthOptions>('GET', '/auth/options', { isSessionProbe: true }),
  session: () => apiJson<SessionInfo>('GET', '/auth/session', { isSessionProbe: true }),
  login: (email: string, password: string) =>
    apiJson<SessionInfo>('POST', '/auth/login', { body: { email, password }, isSessionProbe: true }),
  secondFactor: (code: string) => apiJson<SessionInfo>('POST', '/auth/second-factor', { body: { code }, isSessionProbe: true }),
  /** Replacing an existing second factor needs the password and a current code (or a recovery code). */
  startEnrolment: (proof: { currentPassword: string; code: string } | Record<string, never> = {}) =>
    apiJson<Enrolment>('POST', '/auth/enrolment', { body: proof }),
  confirmEnrolment: (code: string) =>
    apiJson<EnrolmentConfirmation>('POST', '/auth/enrolment/confirmation', { body: { code } }),
  logout: () => apiJson<void>('POST', '/auth/logout', { body: {}, isSessionProbe: true }),
  logoutEverywhere: () => apiJson<void>('POST', '/auth/logout-everywhere', { body: {}, isSessionProbe: true }),
  sessions: () => apiJson<SessionListItem[]>('GET', '/auth/sessions'),
  endSession: (id: string) => apiJson<void>('DELETE', `/auth/sessions/${token(id)}`),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiJson<void>('POST', '/auth/password', { body: { currentPassword, newPassword } }),
  switchOrganisation: (organisationId: string) =>
    apiJson<SessionInfo>('PUT', '/auth/active-organisation', { body: { organisationId } }),
  oidcStartUrl: '/api/v1/auth/oidc/login',
};

export const invitationApi = {
  info: (invitationToken: string) =>
    apiJson<InvitationInfo>('GET', `/invitations/${token(invitationToken)}`, { isSessionProbe: true }),
  accept: (invitationToken: string, password: string) =>
    apiJson<SessionInfo | undefined>('POST', `/invitations/${token(invitationToken)}`, {
      body: { password },
      isSessionProbe: true,
    }),
};

export const referenceApi = {
  municipalities: (query: Query) => apiJson<Municipality[]>('GET', '/municipalities', { query, isSessionProbe: true }),
  provinces: () => apiJson<Region[]>('GET', '/provinces', { isSessionProbe: true }),
  ggdRegions: () => apiJson<Region[]>('GET', '/ggd-regions', { isSessionProbe: true }),
};

export const organisationApi = {
  list: (query: Query) => apiJson<OrganisationPage>('GET', '/organisations', { query }),
  get: (id: string) => apiJson<Organisation>('GET', `/organisations/${token(id)}`),
  create: (body: OrganisationCreate) => apiJson<Organisation>('POST', '/organisations', { body }),
  update: (id: string, body: OrganisationUpdate) => apiJson<Organisation>('PATCH', `/organisations/${token(id)}`, { body }),
  exportCsv: (query: Query) => apiBlob('/organisations', { query, accept: CSV_MEDIA_TYPE }),
};

export const personApi = {
  list: (query: Query) => apiJson<PersonPage>('GET', '/people', { query }),
  create: (body: PersonCreate) => apiJson<PersonCreated>('POST', '/people', { body }),
  update: (id: string, body: PersonUpdate) => apiJson<Person>('PATCH', `/people/${token(id)}`, { body }),
  newInvitation: (id: string) => apiJson<InvitationLink>('POST', `/people/${token(id)}/invitations`, { body: {} }),
  exportCsv: (query: Query) => apiBlob('/people', { query, accept: CSV_MEDIA_TYPE }),
};

export const auditApi = {
  search: (query: Query) => apiJson<AuditEventPage>('GET', '/audit-events', { query }),
  exportCsv: (query: Query) => apiBlob('/audit-events', { query, accept: CSV_MEDIA_TYPE }),
};

/** The media type that makes a monitor list answer with an Excel workbook. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How a monitor table is downloaded: CSV with a decimal point or comma (Dutch spreadsheets), or XLSX. */
export type ExportFormat = 'csv' | 'csv_comma' | 'xlsx';

export const monitorPaths = {
  indicators: '/monitor/indicators',
  overview: '/monitor/overview',
  figures: (key: string) => `/monitor/indicators/${token(key)}/figures`,
  series: (key: string, areaCode: string) => `/monitor/indicators/${token(key)}/areas/${token(areaCode)}/series`,
  area: (areaCode: string) => `/monitor/areas/${token(areaCode)}`,
  coalitions: '/monitor/coalitions',
};

export interface FigureQuery extends Query {
  areaLevel: AreaLevel;
  year?: number;
  split: Split;
  poolYears: number;
}

export const monitorApi = {
  indicators: () => apiJson<Indicator[]>('GET', monitorPaths.indicators),
  overview: (year?: number) => apiJson<Overview>('GET', monitorPaths.overview, { query: { year } }),
  figures: (key: string, query: FigureQuery) => apiJson<Figure[]>('GET', monitorPaths.figures(key), { query }),
  series: (key: string, areaCode: string, query: { split: Split; poolYears: number }) =>
    apiJson<Series>('GET', monitorPaths.series(key, areaCode), { query }),
  area: (areaCode: string, year?: number) => apiJson<AreaProfile>('GET', monitorPaths.area(areaCode), { query: { year } }),
  coalitions: () => apiJson<MonitorCoalition[]>('GET', monitorPaths.coalitions),
  /** The same rows as the JSON list, as CSV or XLSX (after suppression, like everything the API publishes). */
  download: (path: string, query: Query, format: ExportFormat) =>
    apiBlob(path, {
      query: { ...query, decimal: format === 'csv_comma' ? 'comma' : undefined },
      accept: format === 'xlsx' ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE,
    }),
  /** The file as read (bytes, so the server can detect a wrong or mixed encoding) or as pasted (text). */
  previewImport: (csv: string | Uint8Array<ArrayBuffer>) =>
    apiJson<ImportPreview>('POST', '/monitor/imports/preview', { rawBody: { contentType: 'text/csv', data: csv } }),
  importFile: (csv: string | Uint8Array<ArrayBuffer>, fileName: string, idempotencyKey: string) =>
    apiJson<MonitorImport>('POST', '/monitor/imports', {
      query: { fileName },
      rawBody: { contentType: 'text/csv', data: csv },
      headers: { 'idempotency-key': idempotencyKey },
    }),
};
