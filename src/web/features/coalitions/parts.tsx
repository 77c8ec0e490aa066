// SPDX-License-Identifier: EUPL-1.2
// What the coalition pages share: labels, amounts and the years a status can be chosen for.
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import type { Locale } from '../../i18n/format.js';

/** The years of the status choice: from the first impulse year (2018) to next year. */
export function statusYears(now = new Date()): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - 2018 + 1 }, (_, index) => last - index);
}

export function formatEuro(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** "125000", "125.000,50", "125000.5" → cents; null when it is not an amount with at most two decimals. */
export function parseEuro(text: string): number | null {
  const trimmed = text.trim().replace(/^€\s*/, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(trimmed)) return null;
  const normalised = /,\d{1,2}$/.test(trimmed) || /^\d{1,3}(\.\d{3})+/.test(trimmed) ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(',', '.');
  const value = Math.round(Number(normalised) * 100);
  return Number.isSafeInteger(value) ? value : null;
}

export function periodText(since: string, until: string | null, m: Catalogue): string {
  return `${since} – ${until ?? m.coalitions.current}`;
}
