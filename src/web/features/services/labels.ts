// SPDX-License-Identifier: EUPL-1.2
// Labels of the sociale kaart's values from the catalogue, shared by its pages.
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import {
  INTAKE_ROUTE_LABELS,
  SERVICE_CATEGORY_LABELS,
  SERVICE_COST_LABELS,
  SERVICE_LANGUAGE_LABELS,
  type IntakeRoute,
  type Service,
  type ServiceCategory,
  type ServiceCost,
  type ServiceLanguage,
} from '../../../contracts/services.js';

export const categoryLabel = (m: Catalogue, value: ServiceCategory) => m.services[SERVICE_CATEGORY_LABELS[value]];
export const intakeLabel = (m: Catalogue, value: IntakeRoute) => m.services[INTAKE_ROUTE_LABELS[value]];
export const costLabel = (m: Catalogue, value: ServiceCost) => m.services[SERVICE_COST_LABELS[value]];
export const languageLabel = (m: Catalogue, value: ServiceLanguage) => m.services[SERVICE_LANGUAGE_LABELS[value]];
export const factorLabel = (key: string) => FACTOR_CATALOGUE.get(key)?.riskLabel ?? key;

/** How current the entry is, as the pages say it: the mark when overdue, else when it was checked. */
export function checkText(m: Catalogue, service: Service, formatDate: (iso: string) => string, format: (template: string, values: Record<string, string | number>) => string): string {
  if (service.verification === 'overdue') return m.services.notRecentlyChecked;
  return format(m.services.checkedOn, { date: formatDate(service.lastConfirmedAt) });
}
