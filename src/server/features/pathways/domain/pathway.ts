// SPDX-License-Identifier: EUPL-1.2
// A care pathway (zorgpad) as data: per risk factor, per municipality or coalition, the local
// agreements, the steps and the support on offer with whom to contact — the three questions of the
// national zorgpadentool. This is the shape the later pathways editor edits, so it is validated
// like any uploaded definition.
import { z } from 'zod';
import { isKnownFactorKey } from '../../../../contracts/screening/factor-catalogue.js';
import type { FactorProfile } from '../../screening/factor-profile.js';

const contactSchema = z
  .strictObject({
    phone: z.string().regex(/^[0-9+\-() ]{6,20}$/, 'Ongeldig telefoonnummer').optional(),
    email: z.email('Ongeldig e-mailadres').optional(),
    website: z.url('Ongeldige website').optional(),
  })
  .refine((contact) => contact.phone || contact.email || contact.website, 'Geef minstens één manier om contact op te nemen');

const serviceSchema = z
  .strictObject({
    /** The service chosen from the service directory (absent only in old versions typed by hand). */
    serviceId: z.uuid().optional(),
    /** For a directory service: its name and contact when it was chosen; readers take the directory's current ones. */
    name: z.string().trim().min(1, 'Naam is verplicht'),
    organisationName: z.string().trim().min(1, 'Organisatie is verplicht'),
    contact: z.strictObject({ phone: z.string().optional(), email: z.string().optional(), website: z.string().optional() }),
    /** Who may use it, e.g. "alleen inwoners van Dordrecht" or "na verwijzing door de huisarts". */
    conditions: z.string().trim().min(1).optional(),
  })
  .superRefine((service, context) => {
    // A hand-typed service carries its own contact, so it must be one; a directory service's contact is the directory's.
    if (service.serviceId) return;
    const checked = contactSchema.safeParse(service.contact);
    if (!checked.success) {
      for (const issue of checked.error.issues) context.addIssue({ code: 'custom', path: ['contact', ...issue.path], message: issue.message });
    }
  });

const stepSchema = z.strictObject({
  title: z.string().trim().min(1, 'Titel is verplicht'),
  /** May be empty: the title can say it all (the editor does not require it). */
  description: z.string().trim(),
  services: z.array(serviceSchema),
});

export const pathwayScopeSchema = z.union([
  z.strictObject({ municipalityCode: z.string().regex(/^GM\d{4}$/, 'Gemeentecode heeft de vorm GM0505') }),
  z.strictObject({ coalitionCode: z.string().regex(/^KS\d{4}$/, 'Coalitiecode heeft de vorm KS0001') }),
]);

export const pathwaySchema = z.strictObject({
  factorKey: z.string().refine(isKnownFactorKey, { message: 'Onbekende factor; kies een factor uit het factormodel' }),
  scope: pathwayScopeSchema,
  title: z.string().trim().min(1, 'Titel is verplicht'),
  localAgreements: z.string().trim().min(1, 'Beschrijf de lokale afspraken'),
  /** The coalition's collaboration agreements (coalition-agreements) these local agreements rest on. */
  agreementIds: z.array(z.uuid()).optional(),
  steps: z.array(stepSchema).min(1, 'Een zorgpad heeft minstens één stap'),
  /** Raised on every edit; the editor shows which version a professional looked at. */
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
});

export type PathwayScope = z.infer<typeof pathwayScopeSchema>;
export type Pathway = z.infer<typeof pathwaySchema>;

export function scopeKeyOf(scope: PathwayScope): string {
  return 'municipalityCode' in scope ? scope.municipalityCode : scope.coalitionCode;
}

/** One pathway per risk factor per municipality or coalition: the rule the editor must keep. */
export const pathwaySetSchema = z.array(pathwaySchema).superRefine((pathways, context) => {
  const seen = new Set<string>();
  pathways.forEach((pathway, index) => {
    const key = `${scopeKeyOf(pathway.scope)}|${pathway.factorKey}`;
    if (seen.has(key)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'factorKey'],
        message: `Er is al een zorgpad voor '${pathway.factorKey}' in ${scopeKeyOf(pathway.scope)}`,
      });
    }
    seen.add(key);
  });
});

export interface PathwayForFactor {
  readonly factorKey: string;
  readonly factorLabel: string;
  /** null: no pathway yet — the professional sees the gap instead of nothing. */
  readonly pathway: Pathway | null;
  readonly level: 'municipality' | 'coalition' | null;
}

/**
 * For each risk factor in the profile (in profile order), the family's municipality's pathway, or
 * else its coalition's: local agreements are more specific than the coalition's, and a municipality
 * writes its own pathway precisely to deviate.
 */
export function findPathwaysForProfile(
  profile: FactorProfile,
  municipalityCode: string,
  coalitionCode: string | null,
  pathways: readonly Pathway[],
): PathwayForFactor[] {
  const risks = profile.domains.flatMap((domain) => domain.risks);
  return risks.map((risk) => pathwayForFactor(risk.key, risk.label, municipalityCode, coalitionCode, pathways));
}

/** One factor: the municipality's pathway, or else its coalition's, or none (the finder asks this for one factor). */
export function pathwayForFactor(
  factorKey: string,
  factorLabel: string,
  municipalityCode: string,
  coalitionCode: string | null,
  pathways: readonly Pathway[],
): PathwayForFactor {
  const ofMunicipality = pathways.find(
    (pathway) => pathway.factorKey === factorKey && 'municipalityCode' in pathway.scope && pathway.scope.municipalityCode === municipalityCode,
  );
  if (ofMunicipality) return { factorKey, factorLabel, pathway: ofMunicipality, level: 'municipality' };
  const ofCoalition =
    coalitionCode === null
      ? undefined
      : pathways.find((pathway) => pathway.factorKey === factorKey && 'coalitionCode' in pathway.scope && pathway.scope.coalitionCode === coalitionCode);
  if (ofCoalition) return { factorKey, factorLabel, pathway: ofCoalition, level: 'coalition' };
  return { factorKey, factorLabel, pathway: null, level: null };
}
