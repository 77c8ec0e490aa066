// SPDX-License-Identifier: EUPL-1.2
// The rules that turn the professionals' local offer into what a parent reads: which phase a menu
// intervention belongs to (who pays by funding route is a contract table: COST_OF_FUNDING_ROUTE). Tables, pinned by a test.
import type { InterventionPhase } from '../../../../contracts/intervention-menu.js';
import type { ParentLanguage, ParentPhase, LocalisedText } from '../../../../contracts/parents-public.js';

/** The menu's phases: V (before pregnancy), T (pregnancy), N (after birth). */
export const PHASE_OF_MENU: Record<InterventionPhase, ParentPhase> = { V: 'kinderwens', T: 'zwanger', N: 'baby' };


/** A text in the asked language, or in Dutch (marked as Dutch) when it has no translation. */
export function localised(text: LocalisedText, lang: ParentLanguage): { text: string; lang: ParentLanguage } {
  const translated = text[lang];
  return translated ? { text: translated, lang } : { text: text.nl, lang: 'nl' };
}
