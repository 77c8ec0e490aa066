// SPDX-License-Identifier: EUPL-1.2
// Puts the instruments Kansrijk ships into the questionnaires table at every start, like reference
// data: an instrument version already there is left alone (a version never changes once answered).
import type { Executor } from '../../../platform/db/connection.js';
import { questionnaires } from '../schema.js';
import { KANSRIJK_SIGNALERING_V1 } from './shipped-instruments.js';
import type { Questionnaire } from '../../../../contracts/screening/questionnaire-schema.js';

export const SHIPPED_INSTRUMENTS: readonly Questionnaire[] = [KANSRIJK_SIGNALERING_V1];

/** Returns how many instrument versions were added (0 once loaded). */
export async function loadShippedInstruments(db: Executor): Promise<number> {
  let added = 0;
  for (const instrument of SHIPPED_INSTRUMENTS) {
    const inserted = await db
      .insert(questionnaires)
      .values({ url: instrument.url, version: instrument.version, title: instrument.title, status: instrument.status, resource: instrument })
      .onConflictDoNothing({ target: [questionnaires.url, questionnaires.version] })
      .returning({ id: questionnaires.id });
    added += inserted.length;
  }
  return added;
}

/** The shipped instrument's url: the one a new screening uses by default. */
export const DEFAULT_INSTRUMENT_URL = KANSRIJK_SIGNALERING_V1.url;
