// SPDX-License-Identifier: EUPL-1.2
// The rules that turn the professionals' local offer into what a parent reads: which phase a menu
// intervention belongs to, and who pays for an offer by its funding route. Tables, pinned by a test.
import type { FundingRoute, InterventionPhase } from '../../../../contracts/intervention-menu.js';
import type { ParentCost, ParentLanguage, ParentPhase, LocalisedText } from '../../../../contracts/parents-public.js';

/** The menu's phases: V (before pregnancy), T (pregnancy), N (after birth). */
export const PHASE_OF_MENU: Record<InterventionPhase, ParentPhase> = { V: 'kinderwens', T: 'zwanger', N: 'baby' };

/**
 * Who pays, as a parent needs to know it. Care insurance (Zvw) pays from the basic insurance; youth
 * health care (Wpg), the Youth Act, the Social Support Act and the municipal and specific grants are
 * paid by the municipality; a fund pays its own. A coalition overrides this per offer (its content's `costs`).
 */
export const COST_OF_FUNDING_ROUTE: Record<FundingRoute, ParentCost> = {
  zvw: 'basic_insurance',
  wpg_jgz: 'free_municipality',
  jeugdwet: 'free_municipality',
  wmo: 'free_municipality',
  spuk_gala: 'free_municipality',
  spuk_iza: 'free_municipality',
  municipal_subsidy: 'free_municipality',
  funds: 'free_fund',
};

/** A text in the asked language, or in Dutch (marked as Dutch) when it has no translation. */
export function localised(text: LocalisedText, lang: ParentLanguage): { text: string; lang: ParentLanguage } {
  const translated = text[lang];
  return translated ? { text: translated, lang } : { text: text.nl, lang: 'nl' };
}
