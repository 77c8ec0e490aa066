// SPDX-License-Identifier: EUPL-1.2
// The one message catalogue for the web app: Dutch by default, English as a switch kept in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nl, type Catalogue } from '../../contracts/i18n/nl.js';
import { en } from '../../contracts/i18n/en.js';

export type Locale = 'nl' | 'en';
const CATALOGUES: Record<Locale, Catalogue> = { nl, en };
const STORAGE_KEY = 'kansrijk.locale';
const TIME_ZONE = 'Europe/Amsterdam';

/** Replaces {name} placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

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
  formatNumber(value: number): string;
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
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
    const dateTime = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: TIME_ZONE,
    });
    const number = new Intl.NumberFormat(tag);
    return {
      m: CATALOGUES[locale],
      locale,
      setLocale,
      format: interpolate,
      formatDate: (iso) => date.format(new Date(iso)),
      formatDateTime: (iso) => dateTime.format(new Date(iso)).replace(' om ', ' ').replace(',', ''),
      formatNumber: (value) => number.format(value),
    };
  }, [locale, setLocale]);
  return <MessagesContext.Provider value={value}>{children}</MessagesContext.Provider>;
}

export function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('useMessages outside MessagesProvider');
  return messages;
}
