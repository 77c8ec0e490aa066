// SPDX-License-Identifier: EUPL-1.2
// A platform admin uploads a new instrument version. Checked in full before anything is stored: the
// FHIR shape we support, enableWhen, factor tags — every problem at once, in Dutch, with its path.
// A version is never replaced: the same url and version twice is a conflict, so old responses keep theirs.
import { AppError } from '../../platform/errors.js';
import type { QuestionnaireSummary } from '../../../contracts/screening.js';
import { isSafeText } from '../../../contracts/screening.js';
import { questionnaires } from './schema.js';
import { validateQuestionnaire } from '../../../contracts/screening/questionnaire-schema.js';
import { toQuestionnaireSummary, type UseCaseContext } from './store.js';

/** The first text (key or value) the database cannot keep, with its path. */
function unsafeTextPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const found = unsafeTextPath(entry, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      const where = path ? `${path}.${key}` : key;
      if (!isSafeText(key)) return where;
      const found = unsafeTextPath(entry, where);
      if (found) return found;
    }
  }
  return null;
}

export async function uploadQuestionnaire(ctx: UseCaseContext, json: unknown): Promise<QuestionnaireSummary> {
  return ctx.store
    .create({
      resource: 'screening_instrument',
      target: { organisationIds: [] },
      objectType: 'screening_instrument',
      perform: async (tx) => {
        const result = validateQuestionnaire(json);
        if (!result.isValid) {
          throw new AppError('validation_failed', {
            message: `De vragenlijst is niet opgeslagen: ${result.errors.length === 1 ? '1 fout' : `${result.errors.length} fouten`}.`,
            errors: result.errors.slice(0, 200),
          });
        }
        const badText = unsafeTextPath(json, '');
        if (badText) {
          throw new AppError('validation_failed', {
            message: 'De vragenlijst is niet opgeslagen: er staan tekens in die niet kunnen worden opgeslagen.',
            errors: [{ path: badText, message: 'Ongeldige tekens (bijvoorbeeld een nul-teken)' }],
          });
        }
        const questionnaire = result.value;
        // Our own id is the row id; an uploaded id would clash between versions.
        const { id: _ignored, ...resource } = questionnaire;
        const [row] = await tx
          .insert(questionnaires)
          .values({ url: questionnaire.url, version: questionnaire.version, title: questionnaire.title, status: questionnaire.status, resource })
          .onConflictDoNothing({ target: [questionnaires.url, questionnaires.version] })
          .returning();
        if (!row) {
          throw new AppError('conflict', {
            message: `Versie ${questionnaire.version} van deze vragenlijst bestaat al. Geef een nieuwe versie een hoger versienummer.`,
            errors: [{ path: 'version', message: `Versie ${questionnaire.version} van ${questionnaire.url} bestaat al` }],
          });
        }
        return row;
      },
    })
    .then(toQuestionnaireSummary);
}
