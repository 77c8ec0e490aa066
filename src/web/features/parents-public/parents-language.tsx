// SPDX-License-Identifier: EUPL-1.2
// The language of the parents' pages: chosen in the address (?taal=en|ar, Dutch without it), so a link
// keeps it; the page's catalogue (Dutch, English or Arabic), its writing direction, and text in
// another language than the page's marked with its own lang (and direction).
import { createContext, useContext, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PARENT_LANGUAGES, RTL_LANGUAGES, type ParentLanguage } from '../../../contracts/parents-public.js';
import { parentsPublicAr, parentsPublicEn, parentsPublicNl } from '../../../contracts/i18n/sections/parents-public.js';
import { interpolate } from '../../i18n/messages.js';

export type ParentsText = (typeof parentsPublicNl)['parentsPublic'];
const CATALOGUES: Record<ParentLanguage, ParentsText> = {
  nl: parentsPublicNl.parentsPublic,
  en: parentsPublicEn.parentsPublic,
  ar: parentsPublicAr.parentsPublic,
};

export const LANGUAGE_PARAM = 'taal';

export const directionOf = (lang: ParentLanguage): 'rtl' | 'ltr' => (RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr');

export function languageFrom(params: URLSearchParams): ParentLanguage {
  const asked = params.get(LANGUAGE_PARAM);
  return (PARENT_LANGUAGES as readonly string[]).includes(asked ?? '') ? (asked as ParentLanguage) : 'nl';
}

export interface ParentsLanguage {
  lang: ParentLanguage;
  t: ParentsText;
  format: typeof interpolate;
  /** A path of these pages in the current language. */
  to(path: string, query?: Record<string, string>): string;
}

const ParentsLanguageContext = createContext<ParentsLanguage | null>(null);

export function ParentsLanguageProvider({ children }: { children: ReactNode }) {
  const [params] = useSearchParams();
  const lang = languageFrom(params);
  const to: ParentsLanguage['to'] = (path, query = {}) => {
    const search = new URLSearchParams(query);
    if (lang !== 'nl') search.set(LANGUAGE_PARAM, lang);
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };
  return <ParentsLanguageContext.Provider value={{ lang, t: CATALOGUES[lang], format: interpolate, to }}>{children}</ParentsLanguageContext.Provider>;
}

export function useParentsLanguage(): ParentsLanguage {
  const value = useContext(ParentsLanguageContext);
  if (!value) throw new Error('useParentsLanguage outside ParentsLanguageProvider');
  return value;
}

/** The attributes of text in `lang` on a page in the page's language: none when they are the same. */
export function langAttributes(textLang: ParentLanguage, pageLang: ParentLanguage): { lang?: string; dir?: 'rtl' | 'ltr' } {
  return textLang === pageLang ? {} : { lang: textLang, dir: directionOf(textLang) };
}

/** A text from the server with the language it is in. */
export function InLanguage({ value, as: Tag = 'span' }: { value: { text: string; lang: ParentLanguage }; as?: 'span' | 'p' }) {
  const { lang } = useParentsLanguage();
  return <Tag {...langAttributes(value.lang, lang)}>{value.text}</Tag>;
}
