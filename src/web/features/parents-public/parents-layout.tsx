// SPDX-License-Identifier: EUPL-1.2
// The parents' own simple frame (no professional header or navigation): skip link, the site's name, a
// language switch (Nederlands, English, العربية — each link in its own language), and the main landmark.
// Sets `lang` and `dir` on the document for the chosen language, and gives them back on leaving.
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { PARENT_LANGUAGES, type ParentLanguage } from '../../../contracts/parents-public.js';
import { Heading, Paragraph } from '../../components/ui.js';
import { directionOf, LANGUAGE_PARAM, ParentsLanguageProvider, useParentsLanguage } from './parents-language.js';
import './parents.css';

export default function ParentsLayout() {
  return (
    <ParentsLanguageProvider>
      <ParentsFrame />
    </ParentsLanguageProvider>
  );
}

function ParentsFrame() {
  const { lang, t, to } = useParentsLanguage();
  const location = useLocation();
  useEffect(() => {
    const root = document.documentElement;
    const before = { lang: root.lang, dir: root.dir };
    root.lang = lang;
    root.dir = directionOf(lang);
    return () => {
      root.lang = before.lang;
      root.dir = before.dir;
    };
  }, [lang]);

  // After a change of page or language, start reading at the main content.
  const [previous, setPrevious] = useState(location.pathname + location.search);
  useEffect(() => {
    const current = location.pathname + location.search;
    if (current !== previous) {
      setPrevious(current);
      document.getElementById('main')?.focus({ preventScroll: false });
    }
  }, [location.pathname, location.search, previous]);

  return (
    <div className="kr-page kr-parents" lang={lang} dir={directionOf(lang)}>
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t.skipLink}
      </a>
      <header className="kr-parents__header">
        <div className="kr-parents__bar">
          <RouterLink className="kr-parents__name" to={to('/ouders')}>
            {t.siteName}
          </RouterLink>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="kr-parents__main">
        <Suspense fallback={<ParentsLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

const LANGUAGE_NAMES: Record<ParentLanguage, 'languageNl' | 'languageEn' | 'languageAr'> = { nl: 'languageNl', en: 'languageEn', ar: 'languageAr' };

function LanguageSwitch() {
  const { lang, t } = useParentsLanguage();
  const location = useLocation();
  const [params] = useSearchParams();
  const hrefFor = (next: ParentLanguage) => {
    const search = new URLSearchParams(params);
    if (next === 'nl') search.delete(LANGUAGE_PARAM);
    else search.set(LANGUAGE_PARAM, next);
    const text = search.toString();
    return text ? `${location.pathname}?${text}` : location.pathname;
  };
  return (
    <nav aria-label={t.languageLabel} className="kr-parents__languages">
      <ul>
        {PARENT_LANGUAGES.map((each) => (
          <li key={each}>
            <RouterLink
              to={hrefFor(each)}
              lang={each}
              hrefLang={each}
              dir={directionOf(each)}
              aria-current={each === lang ? 'true' : undefined}
              className="kr-parents__language"
            >
              {t[LANGUAGE_NAMES[each]]}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ParentsLoading() {
  const { t } = useParentsLanguage();
  return (
    <Paragraph role="status" className="kr-loading">
      {t.loading}
    </Paragraph>
  );
}

/** A page of the parents' site: its one <h1> and the document title. */
export function ParentsPage({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const { t } = useParentsLanguage();
  useEffect(() => {
    document.title = `${title} · ${t.siteName}`;
  }, [title, t.siteName]);
  return (
    <>
      <Heading level={1} id="page-title">
        {title}
      </Heading>
      {intro ? <Paragraph appearance="lead">{intro}</Paragraph> : null}
      {children}
    </>
  );
}
