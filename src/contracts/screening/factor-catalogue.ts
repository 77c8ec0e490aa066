// SPDX-License-Identifier: EUPL-1.2
// The factor model (TNO, Detmar & De Wolff 2019, as drawn in the BMC conceptual model): threatening
// and protective factors per life domain. Instruments tag their items with these keys, so an
// instrument can only name factors the platform knows how to show and link to a care pathway.

export const LIFE_DOMAINS = ['lifestyle', 'parent', 'environment', 'child'] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

export const LIFE_DOMAIN_LABELS: Readonly<Record<LifeDomain, string>> = {
  lifestyle: 'Leefstijl voor en tijdens de zwangerschap',
  parent: 'Ouder',
  environment: 'Omgeving en gezin',
  child: 'Kind (na de geboorte)',
};

export interface FactorDefinition {
  readonly key: string;
  readonly domain: LifeDomain;
  /** Shown when an answer signals risk. */
  readonly riskLabel: string;
  /** Shown when an answer signals protection; absent when the model names no protective side. */
  readonly protectiveLabel?: string;
}

const factors = [
  // Lifestyle before and during pregnancy.
  { key: 'smoking', domain: 'lifestyle', riskLabel: 'Roken (of meeroken)', protectiveLabel: 'Rookvrij' },
  { key: 'alcohol', domain: 'lifestyle', riskLabel: 'Alcoholgebruik', protectiveLabel: 'Drinkt geen alcohol' },
  { key: 'drugs', domain: 'lifestyle', riskLabel: 'Drugsgebruik' },
  { key: 'folic-acid', domain: 'lifestyle', riskLabel: 'Geen of te laat foliumzuur', protectiveLabel: 'Voldoende foliumzuur' },
  { key: 'weight', domain: 'lifestyle', riskLabel: 'Onder- of overgewicht', protectiveLabel: 'Gezond gewicht' },
  { key: 'exercise', domain: 'lifestyle', riskLabel: 'Weinig beweging', protectiveLabel: 'Voldoende beweging' },
  { key: 'stress', domain: 'lifestyle', riskLabel: 'Veel stress', protectiveLabel: 'Weinig stress' },
  // Other parent factors.
  { key: 'chronic-illness', domain: 'parent', riskLabel: 'Chronische lichamelijke aandoening ouder' },
  { key: 'mental-health', domain: 'parent', riskLabel: 'Psychische klachten', protectiveLabel: 'Psychisch gezond' },
  { key: 'addiction', domain: 'parent', riskLabel: 'Verslaving' },
  { key: 'intellectual-disability-literacy', domain: 'parent', riskLabel: 'Licht verstandelijke beperking of laaggeletterdheid' },
  { key: 'adverse-childhood-experiences', domain: 'parent', riskLabel: 'Eigen jeugd met mishandeling, verwaarlozing of trauma' },
  { key: 'parenting-style', domain: 'parent', riskLabel: 'Harde of weinig sensitieve opvoedstijl', protectiveLabel: 'Warme, sensitieve opvoedstijl' },
  // Environment and family.
  { key: 'money-debts', domain: 'environment', riskLabel: 'Geldzorgen of schulden', protectiveLabel: 'Stabiel inkomen' },
  { key: 'housing', domain: 'environment', riskLabel: 'Onzekere of slechte woonsituatie', protectiveLabel: 'Stabiele woonsituatie' },
  { key: 'relationship', domain: 'environment', riskLabel: 'Relatieproblemen of scheiding' },
  { key: 'partner-support', domain: 'environment', riskLabel: 'Geen steun van partner', protectiveLabel: 'Steun van partner' },
  { key: 'domestic-violence', domain: 'environment', riskLabel: 'Huiselijk geweld of onveilige thuissituatie', protectiveLabel: 'Veilige thuissituatie' },
  { key: 'social-network', domain: 'environment', riskLabel: 'Weinig steun uit sociaal netwerk', protectiveLabel: 'Steunend sociaal netwerk' },
  { key: 'single-parent', domain: 'environment', riskLabel: 'Eenoudergezin', protectiveLabel: 'Tweeoudergezin' },
  { key: 'migration', domain: 'environment', riskLabel: 'Recente migratie of vluchtelingenachtergrond' },
  { key: 'neighbourhood', domain: 'environment', riskLabel: 'Onveilige of kansarme buurt', protectiveLabel: 'Veilige, prettige buurt' },
  // Child, after birth.
  { key: 'prematurity', domain: 'child', riskLabel: 'Te vroeg geboren (voor 37 weken)', protectiveLabel: 'Voldragen geboren' },
  { key: 'low-birth-weight', domain: 'child', riskLabel: 'Laag geboortegewicht (onder 2500 gram)' },
  { key: 'temperament', domain: 'child', riskLabel: 'Moeilijk of prikkelbaar temperament', protectiveLabel: 'Rustig, gelijkmatig temperament' },
  { key: 'child-chronic-condition', domain: 'child', riskLabel: 'Chronische aandoening kind' },
  { key: 'parent-child-bond', domain: 'child', riskLabel: 'Moeizame band tussen ouder en kind', protectiveLabel: 'Goede band tussen ouder en kind' },
] as const satisfies readonly FactorDefinition[];

export type FactorKey = (typeof factors)[number]['key'];

export const FACTOR_CATALOGUE: ReadonlyMap<string, FactorDefinition> = new Map(factors.map((factor) => [factor.key, factor]));

export function isKnownFactorKey(key: string): key is FactorKey {
  return FACTOR_CATALOGUE.has(key);
}

export function isLifeDomain(value: string): value is LifeDomain {
  return (LIFE_DOMAINS as readonly string[]).includes(value);
}
