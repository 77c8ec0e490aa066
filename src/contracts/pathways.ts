// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of care pathways (zorgpaden): the public agreements per municipality or coalition
// (/api/v1/pathways) and the suggestions for a family's factor profile (/api/v1/families/{familyId}/pathways).
import { z } from 'zod';
import { dateTimeStringSchema } from './common.js';
import { municipalityCodeSchema } from './reference.js';

const contactSchema = z.object({ phone: z.string().optional(), email: z.string().optional(), website: z.string().optional() });
const serviceSchema = z.object({ name: z.string(), organisationName: z.string(), contact: contactSchema, conditions: z.string().optional() });
const stepSchema = z.object({ title: z.string(), description: z.string(), services: z.array(serviceSchema) });

export const carePathwaySchema = z
  .object({
    id: z.uuid(),
    factorKey: z.string(),
    factorLabel: z.string(),
    /** Whose agreement this is: the municipality's own, or the coalition's. */
    level: z.enum(['municipality', 'coalition']),
    scopeCode: z.string(),
    title: z.string(),
    localAgreements: z.string(),
    steps: z.array(stepSchema),
    version: z.number().int(),
    updatedAt: dateTimeStringSchema,
  })
  .meta({ id: 'CarePathway' });
export type CarePathway = z.infer<typeof carePathwaySchema>;

export const pathwayQuerySchema = z.object({ municipality: municipalityCodeSchema.optional() });

export const carePathwayListSchema = z
  .object({
    municipalityCode: z.string().nullable(),
    coalitionCode: z.string().nullable(),
    items: z.array(carePathwaySchema),
  })
  .meta({ id: 'CarePathwayList' });

export const familyPathwayQuerySchema = z.object({ screeningId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }).optional() });

export const pathwaySuggestionSchema = z
  .object({
    factorKey: z.string(),
    factorLabel: z.string(),
    /** Null: no pathway for this factor yet — the gap is shown, not hidden. */
    level: z.enum(['municipality', 'coalition']).nullable(),
    pathway: carePathwaySchema.nullable(),
  })
  .meta({ id: 'PathwaySuggestion' });
export type PathwaySuggestion = z.infer<typeof pathwaySuggestionSchema>;

export const familyPathwaysSchema = z
  .object({
    familyId: z.uuid(),
    /** The completed screening whose risk factors were looked up; null when the family has none. */
    screeningId: z.uuid().nullable(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    coalitionCode: z.string().nullable(),
    coalitionName: z.string().nullable(),
    suggestions: z.array(pathwaySuggestionSchema),
  })
  .meta({ id: 'FamilyPathways' });
export type FamilyPathways = z.infer<typeof familyPathwaysSchema>;
