// SPDX-License-Identifier: EUPL-1.2
// publiccode.yml against the standard (publiccode.yml 0.4, https://yml.publiccode.tools): the keys it
// makes mandatory, its controlled vocabularies for categories and scope, and the rules of a Dutch
// public product — no Italian country section, the Netherlands as audience, contacts that are a
// person or a role (never a placeholder), no reserved example domains.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';

/** The standard's categories list (docs/standard/categories-list.rst). */
const CATEGORIES = [
  'accounting', 'agile-project-management', 'applicant-tracking', 'application-development', 'appointment-scheduling', 'backup',
  'billing-and-invoicing', 'blog', 'budgeting', 'business-intelligence', 'business-process-management', 'cad', 'call-center-management',
  'cloud-management', 'collaboration', 'communications', 'compliance-management', 'contact-management', 'content-management', 'crm',
  'customer-service-and-support', 'data-analytics', 'data-collection', 'data-visualization', 'design', 'design-system',
  'digital-asset-management', 'digital-citizenship', 'document-management', 'donor-management', 'e-commerce', 'e-signature',
  'educational-content', 'email-management', 'email-marketing', 'employee-management', 'enterprise-project-management',
  'enterprise-social-networking', 'erp', 'event-management', 'facility-management', 'feedback-and-reviews-management',
  'financial-reporting', 'fleet-management', 'fundraising', 'gamification', 'geographic-information-systems', 'grant-management',
  'graphic-design', 'help-desk', 'hr', 'ide', 'identity-management', 'instant-messaging', 'inventory-management', 'it-asset-management',
  'it-development', 'it-management', 'it-security', 'it-service-management', 'knowledge-management', 'learning-management-system',
  'marketing', 'mind-mapping', 'mobile-marketing', 'mobile-payment', 'network-management', 'office', 'online-booking',
  'online-community', 'payment-gateway', 'payroll', 'predictive-analysis', 'procurement', 'productivity-suite', 'project-collaboration',
  'project-management', 'property-management', 'real-estate-management', 'remote-support', 'resource-management', 'sales-management',
  'seo', 'service-desk', 'social-media-management', 'survey', 'talent-management', 'task-management', 'taxes-management',
  'test-management', 'time-management', 'time-tracking', 'translation', 'video-conferencing', 'video-editing', 'visitor-management',
  'voip', 'warehouse-management', 'web-collaboration', 'web-conferencing', 'website-builder', 'whistleblowing', 'workflow-management',
] as const;

/** The standard's scope list (docs/standard/scope-list.rst). */
const SCOPES = [
  'agriculture', 'culture', 'defence', 'education', 'emergency-services', 'employment', 'energy', 'environment',
  'finance-and-economic-development', 'foreign-affairs', 'healthcare', 'infrastructures', 'justice', 'local-authorities',
  'manufacturing', 'research', 'science-and-technology', 'security', 'society', 'sport', 'tourism', 'transportation', 'welfare',
] as const;

/** RFC 2606 / 6761 reserved names: never a real address. */
const RESERVED = /(^|[.@/])(example\.(com|net|org)|[a-z0-9-]+\.(example|test|invalid|localhost))([/:]|$)/i;
const url = z.url().refine((value) => !RESERVED.test(value), 'een gereserveerd voorbeelddomein');
const email = z.email().refine((value) => !RESERVED.test(value), 'een gereserveerd voorbeelddomein');

const language = z.object({
  localisedName: z.string().optional(),
  shortDescription: z.string().min(1).max(150),
  longDescription: z.string().min(150).max(10_000),
  documentation: url.optional(),
  apiDocumentation: url.optional(),
  features: z.array(z.string().min(1)).min(1),
  screenshots: z.array(z.string()).optional(),
  videos: z.array(url).optional(),
  awards: z.array(z.string()).optional(),
});

const publiccode = z
  .object({
    publiccodeYmlVersion: z.enum(['0.4', '0.5']),
    name: z.string().min(1),
    url,
    landingURL: url.optional(),
    softwareVersion: z.string().optional(),
    releaseDate: z.iso.date().optional(),
    platforms: z.array(z.string()).min(1),
    categories: z.array(z.enum(CATEGORIES)).min(1),
    developmentStatus: z.enum(['concept', 'development', 'beta', 'stable', 'obsolete']),
    softwareType: z.enum(['standalone/mobile', 'standalone/iot', 'standalone/desktop', 'standalone/web', 'standalone/backend', 'standalone/other', 'addon', 'library', 'configurationFiles']),
    intendedAudience: z.object({
      countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'hoofdletters, ISO 3166-1 alpha-2')).refine((countries) => countries.includes('NL'), 'Nederland hoort erbij'),
      unsupportedCountries: z.array(z.string()).optional(),
      scope: z.array(z.enum(SCOPES)).refine((scope) => scope.includes('healthcare'), 'healthcare hoort erbij'),
    }),
    description: z
      .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/), language)
      .refine((languages) => 'nl' in languages, 'een Nederlandse beschrijving')
      .refine((languages) => Object.values(languages).every((text) => text.apiDocumentation !== undefined), 'apiDocumentation in elke taal'),
    legal: z.object({ license: z.string().min(1), mainCopyrightOwner: z.string().optional() }),
    maintenance: z.object({
      type: z.enum(['internal', 'contract', 'community', 'none']),
      contacts: z
        .array(z.object({ name: z.string().min(3), email: email.optional(), phone: z.string().optional(), affiliation: z.string().optional() }))
        .min(1),
    }),
    localisation: z.object({ localisationReady: z.boolean(), availableLanguages: z.array(z.string()).min(1) }),
    dependsOn: z.unknown().optional(),
  })
  // Country sections (it:, IT:) do not belong in a Dutch product; other keys are not in the standard.
  .strict();

describe('publiccode.yml', () => {
  const document = yaml.parse(readFileSync(join(import.meta.dirname, '../../publiccode.yml'), 'utf8')) as Record<string, unknown>;

  it('has every key the standard requires, with values from its vocabularies, and nothing the standard does not know', () => {
    const parsed = publiccode.safeParse(document);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
  });

  it('names no Italian section, no reserved domain anywhere, and contacts a person or a role (not the product itself)', () => {
    expect(Object.keys(document).map((key) => key.toLowerCase())).not.toContain('it');
    expect(JSON.stringify(document)).not.toMatch(/example\.(com|net|org)|\.example\b|\.test\b|\.invalid\b/);
    const contacts = (document.maintenance as { contacts: { name: string }[] }).contacts;
    for (const contact of contacts) expect(contact.name).not.toBe(document.name);
  });

  it('the schema refuses the faults it is meant to catch', () => {
    const faults: Record<string, unknown>[] = [
      { ...document, categories: ['healthcare'] },
      { ...document, it: { conforme: { gdpr: true } } },
      { ...document, landingURL: 'https://kansrijk.example' },
      { ...document, intendedAudience: { countries: ['NL'], scope: ['welfare'] } },
      { ...document, description: { nl: { ...(document.description as { nl: object }).nl, shortDescription: 'x'.repeat(151) } } },
      { ...document, maintenance: { type: 'internal', contacts: [{ name: 'Beheer', email: 'beheer@kansrijk.example' }] } },
    ];
    for (const fault of faults) expect(publiccode.safeParse(fault).success, JSON.stringify(fault).slice(0, 80)).toBe(false);
  });
});
