// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of organisations and people (/api/v1/organisations, /api/v1/people).
import { z } from 'zod';
import { organisationTypeSchema, roleSchema } from './roles.js';
import { emailSchema, nameSchema, pageOf, pagingQuerySchema } from './common.js';
import { municipalityCodeSchema } from './reference.js';
import { sortParameter } from './sorting.js';
import { nl } from './i18n/nl.js';

/** An AGB code (Vektis) as an organisation carries it: eight digits. */
export const agbCodeSchema = z.string().trim().regex(/^\d{8}$/, nl.fieldErrors.agbCodeFormat).meta({ example: '01234567' });
/** A URA (UZI-register abonneenummer): eight digits. */
export const uraCodeSchema = z.string().trim().regex(/^\d{8}$/, nl.fieldErrors.uraCodeFormat).meta({ example: '87654321' });

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: organisationTypeSchema,
    identifier: z.string().nullable(),
    /** AGB code (8 digits; FHIR system http://fhir.nl/fhir/NamingSystem/agb-z). */
    agbCode: z.string().nullable(),
    /** URA, UZI register number of the organisation (8 digits; FHIR system http://fhir.nl/fhir/NamingSystem/ura). */
    uraCode: z.string().nullable(),
    isActive: z.boolean(),
    municipalityCodes: z.array(z.string()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** What the current person may do with it (from the access policy): only these are offered. */
    allowedActions: z.array(z.enum(['update', 'deactivate', 'change_type'])),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationPageSchema = pageOf(organisationSchema, 'OrganisationPage');

/** The fields a list of organisations sorts on (`sorteer`); by default the name. */
export const ORGANISATION_SORT_FIELDS = ['name', 'type', 'createdAt', 'updatedAt'] as const;

export const organisationQuerySchema = pagingQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  type: organisationTypeSchema.optional(),
  municipalityCode: municipalityCodeSchema.optional(),
  agbCode: agbCodeSchema.optional(),
  uraCode: uraCodeSchema.optional(),
  includeInactive: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  sorteer: sortParameter(ORGANISATION_SORT_FIELDS),
});

export const organisationCreateSchema = z
  .object({
    name: nameSchema,
    type: organisationTypeSchema,
    identifier: z.string().trim().max(50).nullable().optional(),
    agbCode: agbCodeSchema.nullable().optional(),
    uraCode: uraCodeSchema.nullable().optional(),
    municipalityCodes: z.array(municipalityCodeSchema).max(342).default([]),
  })
  .meta({ id: 'OrganisationCreate' });

export const organisationUpdateSchema = z
  .object({
    name: nameSchema.optional(),
    type: organisationTypeSchema.optional(),
    identifier: z.string().trim().max(50).nullable().optional(),
    agbCode: agbCodeSchema.nullable().optional(),
    uraCode: uraCodeSchema.nullable().optional(),
    municipalityCodes: z.array(municipalityCodeSchema).max(342).optional(),
    /** false deactivates (platform admin only); true reactivates. */
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'OrganisationUpdate' });

export const membershipSchema = z.object({ organisationId: z.uuid(), roles: z.array(roleSchema).min(1).max(6) });

export const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    isActive: z.boolean(),
    /** invited: has not set a password yet. */
    status: z.enum(['invited', 'active', 'inactive']),
    hasTwoFactor: z.boolean(),
    memberships: z.array(membershipSchema.extend({ organisationName: z.string() })),
    createdAt: z.iso.datetime(),
    /** What the current person may do with this account (from the access policy): only these are offered. */
    allowedActions: z.array(z.enum(['update', 'deactivate'])),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;
export const personPageSchema = pageOf(personSchema, 'PersonPage');

/** The fields a list of people sorts on (`sorteer`); by default the name. */
export const PERSON_SORT_FIELDS = ['name', 'email', 'createdAt'] as const;

export const personQuerySchema = pagingQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  organisationId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  sorteer: sortParameter(PERSON_SORT_FIELDS),
});

export const personCreateSchema = z
  .object({ name: nameSchema, email: emailSchema, memberships: z.array(membershipSchema).min(1).max(20) })
  .meta({ id: 'PersonCreate' });

export const personUpdateSchema = z
  .object({
    name: nameSchema.optional(),
    email: emailSchema.optional(),
    isActive: z.boolean().optional(),
    memberships: z.array(membershipSchema).max(20).optional(),
  })
  .meta({ id: 'PersonUpdate' });

export const invitationLinkSchema = z
  .object({ invitationUrl: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'InvitationLink' });

export const personCreatedSchema = z
  .object({ person: personSchema, invitation: invitationLinkSchema })
  .meta({ id: 'PersonCreated' });
