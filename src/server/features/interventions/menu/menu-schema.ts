// SPDX-License-Identifier: EUPL-1.2
// The shape of a menu file (menu-<version>.json) and the checks on it. A bad edit to the file fails
// loudly at start-up, naming the entry and the field, instead of showing a menu with holes.
import { z } from 'zod';
import {
  COST_MODELS,
  FUNDING_ROUTES,
  INTERVENTION_PHASES,
  INTERVENTION_PILLARS,
  RECOGNISED_LEVELS,
  RECOGNITION_LEVELS,
} from '../../../../contracts/intervention-menu.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = z.string().trim().min(2);
const isoDate = z.string().regex(ISO_DATE, 'Geen datum (JJJJ-MM-DD).');
const distinct = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((values) => new Set(values).size === values.length, 'Een waarde staat er twee keer in.');

const recognitionSchema = z
  .object({
    level: z.enum(RECOGNITION_LEVELS),
    date: isoDate.nullable(),
    validUntil: isoDate.nullable(),
    source: text.nullable(),
    note: text.nullable(),
  })
  .strict()
  .superRefine((recognition, context) => {
    const isRecognised = RECOGNISED_LEVELS.includes(recognition.level);
    if (isRecognised && (recognition.date === null || recognition.source === null)) {
      context.addIssue({ code: 'custom', message: 'Een erkenning heeft een datum en een bron.', path: ['date'] });
    }
    if (!isRecognised && (recognition.date !== null || recognition.validUntil !== null)) {
      context.addIssue({ code: 'custom', message: 'Zonder erkenning geen erkenningsdatum of geldigheid.', path: ['date'] });
    }
    if (recognition.date !== null && recognition.validUntil !== null && recognition.validUntil <= recognition.date) {
      context.addIssue({ code: 'custom', message: 'De erkenning is geldig tot een datum na de erkenningsdatum.', path: ['validUntil'] });
    }
  });

const costSchema = z
  .object({
    model: z.enum(COST_MODELS),
    amountEur: z.number().positive().max(100_000_000),
    year: z.number().int().min(2000).max(2100),
    /** Where the published figure comes from: a cost without a source is not shown. */
    source: text,
    note: text.nullable(),
  })
  .strict();

export const menuEntrySchema = z
  .object({
    key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Een sleutel is kleine letters, cijfers en streepjes.'),
    name: text,
    aliases: distinct(text),
    phases: distinct(z.enum(INTERVENTION_PHASES)).min(1),
    pillars: distinct(z.enum(INTERVENTION_PILLARS)).min(1),
    targetGroup: text.nullable(),
    goal: text.nullable(),
    approach: text.nullable(),
    workingElements: z.array(text),
    providerType: text.nullable(),
    licenceHolder: text.nullable(),
    website: z.url({ protocol: /^https$/ }).nullable(),
    recognition: recognitionSchema,
    conditions: z.array(text),
    costs: z.array(costSchema),
    costNote: text.nullable(),
    fundingRoutes: distinct(z.enum(FUNDING_ROUTES)),
    fundingNote: text.nullable(),
    /** A legal task of the municipality rather than a menu choice (prenatal home visit, Wpg). */
    isLegalTask: z.boolean(),
    /** Where the entry's facts come from (documents and their sections). */
    sources: z.array(text).min(1),
  })
  .strict();
export type MenuEntry = z.infer<typeof menuEntrySchema>;

export const menuFileSchema = z
  .object({
    version: z.string().regex(/^\d{4}-\d{2}$/, 'Een versie is JJJJ-MM.'),
    title: text,
    compiledOn: isoDate,
    sourceNote: text,
    interventions: z.array(menuEntrySchema).min(1),
  })
  .strict()
  .superRefine((menu, context) => {
    const seen = new Set<string>();
    for (const [index, entry] of menu.interventions.entries()) {
      if (seen.has(entry.key)) context.addIssue({ code: 'custom', message: `Dubbele interventie: ${entry.key}`, path: ['interventions', index, 'key'] });
      seen.add(entry.key);
      // Compared with the day the menu was compiled: a recognition cannot come later than that.
      if (entry.recognition.date !== null && entry.recognition.date > menu.compiledOn) {
        context.addIssue({ code: 'custom', message: 'De erkenningsdatum ligt in de toekomst.', path: ['interventions', index, 'recognition', 'date'] });
      }
    }
  });
export type MenuFile = z.infer<typeof menuFileSchema>;
