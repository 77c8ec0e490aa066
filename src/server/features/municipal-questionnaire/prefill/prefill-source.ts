// SPDX-License-Identifier: EUPL-1.2
// A prefill source: one register the response's answers can be prefilled from, with for every answer
// where it came from (a source label and a date). Sources are independent; prefill/index.ts lists them.
import type { QuestionKey } from '../../../../contracts/municipal-questionnaire.js';
import type { Executor } from '../../../platform/db/connection.js';

export interface PrefillRequest {
  municipalityCode: string;
  /** The edition's year and its peildatum (memberships and plans as they stand on that day). */
  year: number;
  referenceDate: string;
}

export interface PrefilledAnswer {
  questionKey: QuestionKey;
  value: unknown;
  sourceLabel: string;
  sourceDate: string | null;
}

export interface PrefillSource {
  key: string;
  load(db: Executor, request: PrefillRequest): Promise<PrefilledAnswer[]>;
}
