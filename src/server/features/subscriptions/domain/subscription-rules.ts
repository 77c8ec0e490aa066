// SPDX-License-Identifier: EUPL-1.2
// The rules of a Subscription, pure: which criteria are accepted, which endpoints, which headers, and
// when a failed notification is tried again.
import { CRITERIA_KINDS, SUBSCRIPTION_STATUSES } from '../../../../contracts/subscriptions.js';

export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export const NOTIFICATION_STATUSES = ['pending', 'delivered', 'failed', 'dropped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export type CriteriaKind = (typeof CRITERIA_KINDS)[number];

/** The only payload besides none: a history Bundle that names the Task and carries nothing else. */
export const ID_ONLY_BUNDLE_PAYLOAD = 'application/fhir+json';

export type RuleResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };
const refuse = (field: string, message: string) => ({ ok: false as const, field, message });

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const CRITERIA = new RegExp(`^Task\\?(owner|requester)=Organization/(${UUID})$`);

/**
 * Task?owner=Organization/{own id} or Task?requester=Organization/{own id}: nothing else (no other
 * resource type, no other parameters, no other organisation — a subscriber hears only of its own Tasks).
 */
export function parseCriteria(criteria: string, ownOrganisationId: string): RuleResult<{ kind: CriteriaKind }> {
  const match = CRITERIA.exec(criteria.trim());
  if (!match) {
    return refuse('criteria', 'Alleen Task?owner=Organization/{id} of Task?requester=Organization/{id} van uw eigen organisatie wordt ondersteund.');
  }
  if (match[2]!.toLowerCase() !== ownOrganisationId.toLowerCase()) {
    return refuse('criteria', 'U kunt zich alleen abonneren op verwijzingen van uw eigen organisatie.');
  }
  return { ok: true, value: { kind: match[1] as CriteriaKind } };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https only; plain http only to this machine, and only when the installation allows it (development, tests). */
export function checkEndpoint(endpoint: string, mayUseLocalHttp: boolean): RuleResult<string> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return refuse('channel.endpoint', 'Geef een volledige URL, bijvoorbeeld https://systeem.example.nl/fhir-notificaties.');
  }
  if (endpoint.length > 2000) return refuse('channel.endpoint', 'De URL is te lang (hoogstens 2000 tekens).');
  if (url.username || url.password) return refuse('channel.endpoint', 'Zet geen gebruikersnaam of wachtwoord in de URL; gebruik channel.header.');
  if (url.hash) return refuse('channel.endpoint', 'Een URL met # wordt niet ondersteund.');
  if (url.protocol === 'https:') return { ok: true, value: url.toString() };
  if (url.protocol === 'http:' && mayUseLocalHttp && LOCAL_HOSTS.has(url.hostname)) return { ok: true, value: url.toString() };
  return refuse('channel.endpoint', 'Notificaties gaan alleen over https.');
}

/** Headers a subscriber may not set: they belong to the notification itself. */
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'connection', 'transfer-encoding', 'x-kansrijk-subscription', 'x-kansrijk-resource']);
const MAX_HEADERS = 5;

/** channel.header: 'Name: value' lines, at most five, no reserved names, no line breaks. */
export function checkHeaders(headers: readonly string[]): RuleResult<{ name: string; value: string }[]> {
  if (headers.length > MAX_HEADERS) return refuse('channel.header', `Hoogstens ${MAX_HEADERS} headers.`);
  const parsed: { name: string; value: string }[] = [];
  for (const [index, header] of headers.entries()) {
    const match = /^([A-Za-z0-9-]{1,64}):[ \t]*([^\r\n]{1,1000})$/.exec(header);
    if (!match) return refuse(`channel.header[${index}]`, "Een header is 'Naam: waarde' op één regel.");
    if (RESERVED_HEADERS.has(match[1]!.toLowerCase())) return refuse(`channel.header[${index}]`, `De header ${match[1]} zet Kansrijk zelf.`);
    parsed.push({ name: match[1]!, value: match[2]!.trim() });
  }
  return { ok: true, value: parsed };
}

/** After this many failed attempts a notification is given up and its Subscription goes to 'error'. */
export const MAX_DELIVERY_ATTEMPTS = 6;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** Wait after the n-th failed attempt (n ≥ 1): 1, 2, 4, 8, 16 … minutes, at most an hour; null when given up. */
export function retryDelayMs(failedAttempts: number): number | null {
  if (failedAttempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return Math.min(FIRST_RETRY_MS * 2 ** (failedAttempts - 1), MAX_RETRY_MS);
}

/** Only a subscription whose deliveries were given up ('error') can be switched on again by its admin. */
export function mayReactivate(status: SubscriptionStatus): boolean {
  return status === 'error';
}

/** Why a delivery failed, as the worker records it ("HTTP 503", "time-out", "netwerkfout ECONNREFUSED"). */
export type DeliveryError = { kind: 'http'; httpStatus: number } | { kind: 'timeout' } | { kind: 'network'; networkCode: string | null };

/** Reads back what the worker recorded; anything else counts as a network error without a code. */
export function parseDeliveryError(recorded: string): DeliveryError {
  const http = /^HTTP (\d{3})$/.exec(recorded);
  if (http) return { kind: 'http', httpStatus: Number(http[1]) };
  if (recorded === 'time-out') return { kind: 'timeout' };
  const network = /^netwerkfout ([A-Z_]{2,40})$/.exec(recorded);
  return { kind: 'network', networkCode: network ? network[1]! : null };
}
