// SPDX-License-Identifier: EUPL-1.2
// The frame around every page: skip link, header (product, person, organisation switch, language),
// navigation by role, breadcrumbs, the main landmark and the footer.
import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { NavLink, Outlet, useLocation, useMatches, useNavigate, Link as RouterLink } from 'react-router';
import { authApi } from '../api/endpoints.js';
import { apiJson, setSessionEndedHandler } from '../api/client.js';
import { useMessages, type Messages } from '../i18n/messages.js';
import { ADMIN_ROLES, hasAnyRole, useSession } from '../session/session.js';
import type { Role } from '../../contracts/roles.js';
import { Loading } from './page.js';
import { Confirmation, KEEPS_FOCUS_ATTRIBUTE } from './confirmation.js';
import { Link, Select, SelectOption } from './ui.js';

/** What a route puts in its `handle`: its breadcrumb label. */
export interface RouteHandle {
  crumb(m: Messages['m']): string;
}

interface NavItem {
  to: string;
  label(m: Messages['m']): string;
  /** Empty: everyone logged in. */
  roles: readonly Role[];
  /**
   * Shown only when the server lists something here for this person (a GET answering `{ items: [...] }`):
   * not a role but a fact the server knows, e.g. the analysis rounds the person is invited to.
   */
  whenServerLists?: string;
  /**
   * A count beside the label (a GET answering `{ total }`), kept current without reloading: asked again
   * on every page change, when the window gets focus and every NAV_COUNT_INTERVAL_MS; 0 shows nothing.
   */
  count?: { of: string; label(m: Messages['m']): string };
}

/** How often the menu's counts are asked again while the page stays open. */
const NAV_COUNT_INTERVAL_MS = 30_000;

const NAV_ITEMS: NavItem[] = [
  { to: '/', label: (m) => m.shell.navHome, roles: [] },
  { to: '/clienten', label: (m) => m.families.nav, roles: ['professional'] },
  { to: '/beheer/noodtoegang', label: (m) => m.emergency.navReview, roles: ADMIN_ROLES },
  { to: '/caseload', label: (m) => m.careCaseload.nav, roles: ['professional'] },
  {
    to: '/verwijzingen',
    label: (m) => m.referrals.nav,
    roles: ['professional'],
    count: { of: '/referrals?box=incoming&filter=new&pageSize=1', label: (m) => m.referrals.navNewCount },
  },
  { to: '/verwijzingen/te-laat', label: (m) => m.referrals.overdueNav, roles: ['coalition_coordinator'] },
  { to: '/coalities/te-herzien', label: (m) => m.coalitionAgreements.toReviewTitle, roles: ['coalition_coordinator'] },
  // Issue 10 item 5: a partner answers the rounds they are invited to, whatever their role.
  { to: '/zelfanalyse', label: (m) => m.analysis.myTitle, roles: [], whenServerLists: '/analysis-invitations' },
  // chain: navigation items (keep this marker)
  { to: '/monitor', label: (m) => m.monitorPages.navMonitor, roles: [] },
  { to: '/coalities', label: (m) => m.coalitions.navLabel, roles: [] },
  { to: '/gemeenten', label: (m) => m.shell.navMunicipalities, roles: [] },
  { to: '/interventies', label: (m) => m.interventionMenu.nav, roles: [] },
  { to: '/sociale-kaart', label: (m) => m.services.nav, roles: [] },
  { to: '/sociale-kaart/te-bevestigen', label: (m) => m.services.navTasks, roles: ADMIN_ROLES },
  { to: '/zorgpaden', label: (m) => m.pathways.nav, roles: [] },
  { to: '/zorgpadzoeker', label: (m) => m.offerFinder.crumb, roles: [] },
  { to: '/dekking', label: (m) => m.offerCoverage.crumb, roles: ['coalition_coordinator', 'policy_officer', 'analyst', 'platform_admin'] },
  { to: '/beheer/organisaties', label: (m) => m.shell.navOrganisations, roles: ADMIN_ROLES },
  { to: '/beheer/medewerkers', label: (m) => m.shell.navPeople, roles: ADMIN_ROLES },
  { to: '/beheer/audit', label: (m) => m.shell.navAudit, roles: ADMIN_ROLES },
  { to: '/beheer/koppelingen', label: (m) => m.apiClients.crumb, roles: ['platform_admin'] },
  { to: '/beheer/e-mail', label: (m) => m.mailAdmin.crumb, roles: ['platform_admin'] },
  { to: '/beheer/meldingen', label: (m) => m.subscriptions.nav, roles: ['organisation_admin'] },
  { to: '/beheer/inbox-meldingen', label: (m) => m.notifications.inboxTitle, roles: ['organisation_admin'] },
  { to: '/account', label: (m) => m.shell.navAccount, roles: [] },
];

export function AppLayout() {
  const { m, format } = useMessages();
  const { session, endSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  // When the server ends the session (idle timeout, logged out elsewhere), go to the login page and say why.
  useEffect(() => {
    setSessionEndedHandler((code) => {
      if (code === 'second_factor_required') {
        navigate('/inloggen/code');
        return;
      }
      endSession(code);
    });
  }, [navigate, endSession]);

  // After client-side navigation, start reading at the new page (focus the skip target).
  const [previousPath, setPreviousPath] = useState(location.pathname);
  useEffect(() => {
    if (location.pathname !== previousPath) {
      setPreviousPath(location.pathname);
      // Unless the new page put focus on its confirmation ("De cliënt is geregistreerd").
      if (document.activeElement?.closest(`[${KEEPS_FOCUS_ATTRIBUTE}]`)) return;
      document.getElementById('main')?.focus({ preventScroll: false });
    }
  }, [location.pathname, previousPath]);

  const isActive = session?.stage === 'active';
  const sessionKey = isActive ? `${session?.person.id}/${session?.organisation?.id ?? ''}` : null;
  const listed = useServerListedNavItems(sessionKey);
  const counts = useNavCounts(sessionKey, location.pathname);
  return (
    <div className="kr-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {m.app.skipLink}
      </a>
      <header className="kr-header">
        <div className="kr-header__inner">
          <div className="kr-header__brand">
            <RouterLink to="/" className="kr-header__product">
              {m.app.name}
            </RouterLink>
            <span className="kr-header__tagline">{m.app.tagline}</span>
          </div>
          <div className="kr-header__tools">
            <LanguageSwitch />
            {isActive && session ? <NotificationBadge sessionKey={sessionKey} pathname={location.pathname} /> : null}
            {isActive && session ? <PersonBox /> : null}
          </div>
        </div>
        {isActive && session ? (
          <nav className="kr-nav" aria-label={m.app.mainNavigation}>
            <ul className="kr-nav__list">
              {NAV_ITEMS.filter((item) => (item.roles.length === 0 || hasAnyRole(session, item.roles)) && (!item.whenServerLists || listed.has(item.to))).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} className="kr-nav__link">
                    {item.label(m)}
                    {item.count && (counts.get(item.to) ?? 0) > 0 ? (
                      <>
                        {' '}
                        <span className="kr-nav__count" data-testid={`nav-count-${item.to}`}>
                          {format(item.count.label(m), { count: counts.get(item.to)! })}
                        </span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <Breadcrumbs />
      <main id="main" tabIndex={-1} className="kr-main">
        <Suspense fallback={<Loading />}>
          <Outlet key={session?.organisation?.id ?? 'none'} />
        </Suspense>
      </main>
      <footer className="kr-footer">
        <div className="kr-footer__inner">
          <p>{m.app.footer}</p>
          <p>
            <RouterLink to="/toegankelijkheid" className="kr-footer__link">
              {m.app.accessibility}
            </RouterLink>
          </p>
        </div>
      </footer>
    </div>
  );
}

/** The nav items that depend on the server: asked once per person and organisation; a refusal or failure hides the item. */
function useServerListedNavItems(sessionKey: string | null): ReadonlySet<string> {
  const [listed, setListed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    setListed(new Set());
    if (!sessionKey) return;
    let isCurrent = true;
    for (const item of NAV_ITEMS) {
      if (!item.whenServerLists) continue;
      apiJson<{ items: unknown[] }>('GET', item.whenServerLists)
        .then((list) => {
          if (isCurrent && list.items.length > 0) setListed((current) => new Set([...current, item.to]));
        })
        .catch(() => undefined);
    }
    return () => {
      isCurrent = false;
    };
  }, [sessionKey]);
  return listed;
}

/**
 * Runs `refresh` now, every NAV_COUNT_INTERVAL_MS and when the window gets focus; returns the effect's
 * clean-up, after which `isCurrent()` is false (a late answer is then ignored).
 */
function keepCurrent(refresh: (isCurrent: () => boolean) => void): () => void {
  let isCurrent = true;
  const run = () => refresh(() => isCurrent);
  run();
  const timer = window.setInterval(run, NAV_COUNT_INTERVAL_MS);
  window.addEventListener('focus', run);
  return () => {
    isCurrent = false;
    window.clearInterval(timer);
    window.removeEventListener('focus', run);
  };
}

/** The menu's counts, asked on every page change, on window focus and on an interval; a failure keeps the last count. */
function useNavCounts(sessionKey: string | null, pathname: string): ReadonlyMap<string, number> {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const { session } = useSession();
  useEffect(() => {
    if (!sessionKey || !session) {
      setCounts(new Map());
      return;
    }
    const counted = NAV_ITEMS.filter((item) => item.count && (item.roles.length === 0 || hasAnyRole(session, item.roles)));
    if (counted.length === 0) return;
    return keepCurrent((isCurrent) => {
      for (const item of counted) {
        apiJson<{ total: number }>('GET', item.count!.of)
          .then((list) => {
            if (isCurrent()) setCounts((current) => new Map(current).set(item.to, list.total));
          })
          .catch(() => undefined);
      }
    });
  }, [sessionKey, session, pathname]);
  return counts;
}

/** The link to the person's notices with the unread count (issue 16), kept current like the menu's counts. */
function NotificationBadge({ sessionKey, pathname }: { sessionKey: string | null; pathname: string }) {
  const { m, format } = useMessages();
  const [unread, setUnread] = useState(0);
  // Another person or organisation starts at nothing; a page change keeps the last count until the new
  // answer (resetting it made the header — and the menu under it — shift on every navigation).
  useEffect(() => setUnread(0), [sessionKey]);
  useEffect(() => {
    if (!sessionKey) return;
    return keepCurrent((isCurrent) => {
      apiJson<{ unread: number }>('GET', '/notifications/unread-count')
        .then((count) => {
          if (isCurrent()) setUnread(count.unread);
        })
        .catch(() => undefined);
    });
  }, [sessionKey, pathname]);
  const label = unread > 0 ? format(m.notifications.badge, { count: unread }) : m.notifications.badgeNone;
  return (
    <RouterLink to="/meldingen" className="kr-header__button kr-notification-badge" aria-label={label} data-testid="notification-badge">
      {m.notifications.nav}
      {unread > 0 ? (
        <span className="kr-notification-badge__count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </RouterLink>
  );
}

function LanguageSwitch() {
  const { m, locale, setLocale } = useMessages();
  const other = locale === 'nl' ? 'en' : 'nl';
  return (
    <button type="button" className="kr-header__button" lang={other} onClick={() => setLocale(other)} aria-label={m.shell.languageSwitchLabel}>
      {m.app.language}
    </button>
  );
}

/** The person, the organisation they act for (with a switch when they have several) and logout. */
function PersonBox() {
  const { m, format } = useMessages();
  const { session, setSession, endSession } = useSession();
  const [chosen, setChosen] = useState(session?.organisation?.id ?? '');
  const [switched, setSwitched] = useState<string | null>(null);
  useEffect(() => setChosen(session?.organisation?.id ?? ''), [session?.organisation?.id]);
  if (!session) return null;

  const logout = async () => {
    await authApi.logout().catch(() => undefined);
    endSession('logged_out');
  };
  const switchOrganisation = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || chosen === session.organisation?.id) return;
    const next = await authApi.switchOrganisation(chosen);
    setSession(next);
    setSwitched(format(m.shell.organisationSwitched, { organisation: next.organisation?.name ?? '' }));
  };
  return (
    <div className="kr-person">
      <p className="kr-person__name">
        {format(m.app.loggedInAs, { name: session.person.name })}
        {session.organisation ? (
          <>
            {' '}
            <span className="kr-person__organisation">{format(m.app.actingFor, { organisation: session.organisation.name })}</span>
          </>
        ) : null}
      </p>
      {session.organisations.length > 1 ? (
        <form className="kr-person__switch" onSubmit={switchOrganisation}>
          <label htmlFor="organisation-switch" className="kr-person__switch-label">
            {m.shell.organisationSwitchLabel}
          </label>
          <Select id="organisation-switch" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {session.organisations.map((organisation) => (
              <SelectOption key={organisation.id} value={organisation.id}>
                {organisation.name}
              </SelectOption>
            ))}
          </Select>
          <button type="submit" className="kr-header__button">
            {m.shell.organisationSwitchButton}
          </button>
        </form>
      ) : null}
      <button type="button" className="kr-header__button" onClick={logout}>
        {m.app.logout}
      </button>
      {switched ? (
        <span className="kr-visually-hidden" role="status">
          {switched}
        </span>
      ) : null}
    </div>
  );
}

function Breadcrumbs() {
  const { m } = useMessages();
  const matches = useMatches();
  const crumbs = matches
    .filter((match) => (match.handle as RouteHandle | undefined)?.crumb)
    .map((match) => ({ path: match.pathname, label: (match.handle as RouteHandle).crumb(m) }));
  const trail = crumbs[0]?.path === '/' ? crumbs : [{ path: '/', label: m.app.home }, ...crumbs];
  // Drop duplicates (an index route and its parent share a path).
  const unique = trail.filter((crumb, index) => trail.findIndex((other) => other.path.replace(/\/$/, '') === crumb.path.replace(/\/$/, '')) === index);
  return (
    <nav className="kr-breadcrumbs utrecht-breadcrumb-nav" aria-label={m.app.breadcrumbs}>
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {unique.map((crumb, index) => {
          const isCurrent = index === unique.length - 1;
          return (
            <li key={crumb.path} className="utrecht-breadcrumb-nav__item">
              {isCurrent ? (
                <span aria-current="page" className="kr-breadcrumbs__current">
                  {crumb.label}
                </span>
              ) : (
                <Link to={crumb.path}>
                  {crumb.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** A short confirmation that survives one navigation (e.g. "Uitgelogd"). */
export function FlashMessage({ text }: { text: string | null }) {
  return <Confirmation text={text} />;
}
