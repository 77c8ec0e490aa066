// SPDX-License-Identifier: EUPL-1.2
// Subscription (R4, rest-hook): an organisation's system hears of its new and changed referrals
// (Task) instead of polling. Only the organisation admin manages them, for their own organisation;
// a notification names only the Task (id-only, no personal data) — see subscriptions/deliver-notifications.ts.
import { AppError } from '../../platform/errors.js';
import { createSubscription } from '../subscriptions/create-subscription.js';
import { deleteSubscription } from '../subscriptions/delete-subscription.js';
import { getSubscription } from '../subscriptions/get-subscription.js';
import { listSubscriptions } from '../subscriptions/list-subscriptions.js';
import { ID_ONLY_BUNDLE_PAYLOAD, MAX_DELIVERY_ATTEMPTS } from '../subscriptions/domain/subscription-rules.js';
import type { Subscription } from '../subscriptions/store.js';
import { SUBSCRIPTION_STATUSES } from '../../../contracts/subscriptions.js';
import { instant, metaOfLastChange, uuidOrNotFound, type FhirResource } from './fhir-types.js';
import { invalidParameter } from './bundle.js';
import type { ResourceHandler } from './resource-handler.js';

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

export function toFhirSubscription(subscription: Subscription): FhirResource {
  return {
    resourceType: 'Subscription',
    id: subscription.id,
    meta: metaOfLastChange(subscription.updatedAt),
    status: subscription.status,
    ...(subscription.end ? { end: instant(subscription.end) } : {}),
    reason: subscription.reason,
    criteria: subscription.criteria,
    ...(subscription.error ? { error: subscription.error } : {}),
    channel: {
      type: 'rest-hook',
      endpoint: subscription.endpoint,
      ...(subscription.payload ? { payload: subscription.payload } : {}),
      ...(subscription.headers.length > 0 ? { header: subscription.headers } : {}),
    },
  };
}

function inputOf(body: Json) {
  const status = body.status;
  if (status !== undefined && status !== 'requested' && status !== 'active') invalid('status', "Een nieuwe Subscription heeft status 'requested'.");
  const criteria = body.criteria;
  if (typeof criteria !== 'string' || criteria.length === 0 || criteria.length > 300) invalid('criteria', 'Geef criteria, bijvoorbeeld Task?owner=Organization/{id van uw organisatie}.');
  const reason = body.reason;
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > 500) invalid('reason', 'Geef een reden (hoogstens 500 tekens).');
  let end: Date | null = null;
  if (body.end !== undefined) {
    if (typeof body.end !== 'string' || Number.isNaN(Date.parse(body.end))) invalid('end', 'end is een tijdstip (ISO 8601).');
    end = new Date(body.end);
  }
  const channel = asObject(body.channel);
  if (channel.type !== 'rest-hook') invalid('channel.type', "Alleen channel.type 'rest-hook' wordt ondersteund.");
  if (typeof channel.endpoint !== 'string') invalid('channel.endpoint', 'Geef channel.endpoint: de https-URL die de notificaties ontvangt.');
  const payload = channel.payload;
  if (payload !== undefined && payload !== ID_ONLY_BUNDLE_PAYLOAD) {
    invalid('channel.payload', `channel.payload is leeg (een POST zonder inhoud) of ${ID_ONLY_BUNDLE_PAYLOAD} (een history-Bundle die alleen de Task noemt).`);
  }
  const header = channel.header ?? [];
  if (!Array.isArray(header) || !header.every((item) => typeof item === 'string')) invalid('channel.header', "channel.header is een lijst van 'Naam: waarde'.");
  return { criteria, reason: reason.trim(), end, endpoint: channel.endpoint, payload: (payload as string | undefined) ?? null, headers: header as string[] };
}

export const subscriptionHandler: ResourceHandler = {
  type: 'Subscription',
  policyResource: 'subscription',
  documentation:
    'Notificaties in plaats van pollen (rest-hook): de beheerder van een organisatie abonneert het eigen systeem op nieuwe en gewijzigde verwijzingen ' +
    'met criteria Task?owner=Organization/{eigen id} (de inbox) of Task?requester=Organization/{eigen id} (de verstuurde verwijzingen). ' +
    'Een notificatie noemt alleen de Task (id-only, geen persoonsgegevens): zonder channel.payload een POST zonder inhoud met de headers ' +
    `X-Kansrijk-Resource: Task/{id} en X-Kansrijk-Subscription: Subscription/{id}; met payload ${ID_ONLY_BUNDLE_PAYLOAD} dezelfde headers en een Bundle ` +
    "van type 'history' met alleen de verwijzing naar de Task. Het systeem leest de Task daarna met zijn eigen toegang. " +
    `Een mislukte aflevering wordt opnieuw geprobeerd na 1, 2, 4, 8 en 16 minuten; na ${MAX_DELIVERY_ATTEMPTS} pogingen krijgt de Subscription status 'error' ` +
    'met de reden in error; de beheerder ziet dat in Kansrijk en schakelt haar daar opnieuw in (REST: POST /api/v1/subscriptions/{id}/reactivation). Alleen https (behalve naar localhost buiten productie). Elke poging staat in het auditlog.',
  read: async (ctx, id) => toFhirSubscription(await getSubscription(ctx, uuidOrNotFound(id))),
  search: {
    parameters: [{ name: 'status', type: 'token', documentation: 'Status van de Subscription: requested, active, error of off.' }],
    run: async (ctx, parameters, window) => {
      // Few per organisation: filter the (small) list by status after the search.
      if (parameters.status !== undefined && !(SUBSCRIPTION_STATUSES as readonly string[]).includes(parameters.status.replace(/^.*\|/, ''))) {
        throw invalidParameter('status', 'Status is requested, active, error of off.');
      }
      const page = await listSubscriptions(ctx, parameters.status === undefined ? window : { page: 1, pageSize: 1_000 });
      if (parameters.status === undefined) return { items: page.items.map(toFhirSubscription), total: page.total };
      const code = parameters.status.replace(/^.*\|/, '');
      const matching = page.items.filter((item) => item.status === code);
      const start = (window.page - 1) * window.pageSize;
      return { items: matching.slice(start, start + window.pageSize).map(toFhirSubscription), total: matching.length };
    },
  },
  create: {
    isConditional: false,
    documentation:
      "Abonneren: POST Subscription met status 'requested', reason, criteria (Task?owner=Organization/{eigen id} of Task?requester=…), " +
      "channel.type 'rest-hook', channel.endpoint (https), optioneel channel.payload en channel.header (hoogstens 5). De Subscription is meteen actief.",
    run: async (ctx, body) => {
      const input = inputOf(asObject(body));
      const created = await createSubscription(ctx, input, { mayUseLocalHttp: ctx.allowsLocalHttpEndpoints });
      return { resource: toFhirSubscription(created), isNew: true };
    },
  },
  delete: {
    documentation: 'Opzeggen: er worden geen notificaties meer gestuurd (ook niet de nog wachtende); daarna geeft lezen 404.',
    run: async (ctx, id) => deleteSubscription(ctx, uuidOrNotFound(id)),
  },
};
