// SPDX-License-Identifier: EUPL-1.2
// The one message catalogue for the web app: Dutch by default, English as a switch kept in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nl, type Catalogue } from '../../contracts/i18n/nl.js';
import { en } from '../../contracts/i18n/en.js';
import { formattersFor, interpolate, type CountForms, type Locale } from './format.js';

export { interpolate, type Locale };
const CATALOGUES: Record<Locale, Catalogue> = { nl, en };
const STORAGE_KEY = 'kansrijk.locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export interface Messages {
  m: Catalogue;
  locale: Locale;
  setLocale(locale: Locale): void;
  format(template: string, values?: Record<string, string | number>): string;
  /** "25 november 2026" (Europe/Amsterdam). */
  formatDate(iso: string): string;
  /** "25 november 2026 14:05". */
  formatDateTime(iso: string): string;
  /** "14:05". */
  formatTime(iso: string): string;
  formatNumber(value: number): string;
  /** "1 resultaat" / "3 resultaten": the catalogue's singular or plural sentence for this count. */
  formatCount(count: number, forms: CountForms, values?: Record<string, string | number>): string;
}

const MessagesContext = createContext<Messages | null>(null);

export function MessagesProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);
  const value = useMemo<Messages>(() => {
    const formatters = formattersFor(locale);
    return {
      m: CATALOGUES[locale],
      locale,
      setLocale,
      format: interpolate,
      formatDate: formatters.date,
      formatDateTime: formatters.dateTime,
      formatTime: formatters.time,
      formatNumber: formatters.number,
      formatCount: formatters.count,
    };
  }, [locale, setLocale]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

export function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('useMessages outside MessagesProvider');
  return messages;
}
