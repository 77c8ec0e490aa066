// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of a coalition's collaboration agreements (samenwerkingsafspraken), their documents
// and the "te herzien" list (/api/v1/coalitions/{code}/agreements, /api/v1/coalition-agreements/to-review).
import { z } from 'zod';
import { dateStringSchema } from './common.js';
import { calendarDateSchema, coalitionCodeSchema, coalitionHeaderSchema } from './coalition-partners.js';

/**
 * Seed 003 "Samenwerking": agreements on prenatal home visits (83 %), interventions (67 %), prenatal
 * education (48 %), preconception health (34 %), involving experts by experience; issue 10 item 3 adds
 * signalling and referral, warm hand-over, information exchange and regional agreements.
 */
export const AGREEMENT_TOPICS = [
  'prenatal_home_visit',
  'interventions',
  'prenatal_education',
  'preconception_health',
  'experts_by_experience',
  'signalling_and_referral',
  'warm_handover',
  'information_exchange',
  'regional',
  'other',
] as const;
export type AgreementTopic = (typeof AGREEMENT_TOPICS)[number];
export const AGREEMENT_LEVELS = ['uitvoering', 'organisatie', 'bestuur'] as const;
export type AgreementLevel = (typeof AGREEMENT_LEVELS)[number];
export const AGREEMENT_STATUSES = ['in_development', 'agreed', 'under_review', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Documents: PDF or an office file, at most 10 MB (ADR 0014). */
export const DOCUMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_MEDIA_TYPES;
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export const topicParamSchema = z.object({ code: coalitionCodeSchema, topic: z.enum(AGREEMENT_TOPICS, { message: 'Onbekend onderwerp.' }) });

const partySchema = z.object({
  partnerId: z.uuid({ message: 'Kies een partner van de coalitie.' }),
  role: z.string().trim().min(1, 'Vul de rol van deze partij in.').max(300, 'Dit is te lang (hoogstens 300 tekens).'),
});

const agreementFields = z.object({
  topic: z.enum(AGREEMENT_TOPICS, { message: 'Kies een onderwerp.' }),
  level: z.enum(AGREEMENT_LEVELS, { message: 'Kies een niveau.' }),
  status: z.enum(AGREEMENT_STATUSES, { message: 'Kies een status.' }),
  title: z
    .string()
    .trim()
    .max(200, 'Dit is te lang (hoogstens 200 tekens).')
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value)),
  agreedOn: calendarDateSchema.nullable().default(null),
  reviewDue: calendarDateSchema.nullable().default(null),
  parties: z.array(partySchema).max(50, 'Hoogstens 50 partijen.').default([]),
});

function checkAgreement(value: z.infer<typeof agreementFields>, context: z.RefinementCtx) {
  if (value.agreedOn && value.reviewDue && value.reviewDue < value.agreedOn) {
    context.addIssue({ code: 'custom', path: ['reviewDue'], message: 'De herzieningsdatum ligt vóór de datum waarop de afspraak is gemaakt.' });
  }
  if (value.status !== 'in_development' && !value.agreedOn) {
    context.addIssue({ code: 'custom', path: ['agreedOn'], message: 'Vul in wanneer de afspraak is gemaakt.' });
  }
  const seen = new Set<string>();
  value.parties.forEach((party, index) => {
    if (seen.has(party.partnerId)) context.addIssue({ code: 'custom', path: ['parties', index, 'partnerId'], message: 'Elke partner mag maar één keer als partij voorkomen.' });
    seen.add(party.partnerId);
  });
}

export const agreementCreateSchema = agreementFields
  .extend({
    /** The same key from the same coalition returns the agreement made before (a repeated submit). */
    idempotencyKey: z.uuid({ message: 'Geen geldige sleutel (UUID).' }).optional(),
  })
  .superRefine(checkAgreement);
export type AgreementCreate = z.input<typeof agreementCreateSchema>;

export const agreementUpdateSchema = agreementFields
  .extend({ version: z.number().int().min(1).max(2_147_483_647, 'Dit getal is te groot.') })
  .superRefine(checkAgreement);
export type AgreementUpdate = z.input<typeof agreementUpdateSchema>;

export const noAgreementReasonSchema = z
  .object({
    /** Why the coalition has no agreement on this topic (null: take the reason away). */
    reason: z.string().trim().min(1, 'Vul een reden in.').max(1000, 'Dit is te lang (hoogstens 1000 tekens).').nullable(),
  });

export const documentQuerySchema = z.object({
  fileName: z.string().min(1, 'Geef de bestandsnaam mee.').max(255, 'De bestandsnaam is te lang.'),
});

export const documentInfoSchema = z
  .object({
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'AgreementDocument' });
export type DocumentInfo = z.infer<typeof documentInfoSchema>;

export const agreementSchema = z
  .object({
    id: z.uuid(),
    topic: z.enum(AGREEMENT_TOPICS),
    level: z.enum(AGREEMENT_LEVELS),
    status: z.enum(AGREEMENT_STATUSES),
    title: z.string().nullable(),
    agreedOn: dateStringSchema.nullable(),
    reviewDue: z.string().nullable(),
    /** The review date has passed while the agreement is in force (agreed or under review). */
    isReviewOverdue: z.boolean(),
    parties: z.array(z.object({ partnerId: z.uuid(), name: z.string(), role: z.string() })),
    document: documentInfoSchema.nullable(),
    version: z.number().int(),
    /** The statuses the state machine allows next. */
    nextStatuses: z.array(z.enum(AGREEMENT_STATUSES)),
    allowedActions: z.array(z.enum(['update', 'upload'])),
  })
  .meta({ id: 'CoalitionAgreement' });
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementOverviewSchema = z
  .object({
    coalition: coalitionHeaderSchema,
    topics: z.array(
      z.object({
        topic: z.enum(AGREEMENT_TOPICS),
        agreements: z.array(agreementSchema),
        noAgreementReason: z.string().nullable(),
      }),
    ),
    allowedActions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'CoalitionAgreementOverview' });
export type AgreementOverview = z.infer<typeof agreementOverviewSchema>;

export const toReviewQuerySchema = z.object({
  /** mine: the coalitions the person may edit (coordinator); all: every coalition. Default: mine when there are any. */
  scope: z.enum(['mine', 'all'], { message: 'Kies "mine" of "all".' }).optional(),
});

export const toReviewItemSchema = z.object({
  coalitionCode: z.string(),
  coalitionName: z.string(),
  agreementId: z.uuid(),
  topic: z.enum(AGREEMENT_TOPICS),
  title: z.string().nullable(),
  level: z.enum(AGREEMENT_LEVELS),
  status: z.enum(AGREEMENT_STATUSES),
  reviewDue: z.string(),
  daysOverdue: z.number().int(),
});
export type ToReviewItem = z.infer<typeof toReviewItemSchema>;

export const toReviewListSchema = z
  .object({ scope: z.enum(['mine', 'all']), items: z.array(toReviewItemSchema) })
  .meta({ id: 'AgreementsToReview' });
export type ToReviewList = z.infer<typeof toReviewListSchema>;
