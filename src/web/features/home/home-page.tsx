// SPDX-License-Identifier: EUPL-1.2
// Home per role: a short word on what the role is for, and cards to what the person can do now.
import { useMessages, type Messages } from '../../i18n/messages.js';
import { Page } from '../../components/page.js';
import { ButtonLink, Heading, Link, Paragraph, TableCell } from '../../components/ui.js';
import { ADMIN_ROLES, hasAnyRole, useSession } from '../../session/session.js';
import type { Role } from '../../../contracts/roles.js';
import { useAsync } from '../../components/page.js';
import { referralApi } from '../referrals/api.js';
import { statusText } from '../referrals/parts.js';
import { familyApi } from '../families/api.js';
import { CareTable } from '../care/care-section-parts.js';

/** How many open referrals and clients the home page lists (the full lists are one link away). */
const HOME_LIST_SIZE = 5;

interface Card {
  to: string;
  title(m: Messages['m']): string;
  text(m: Messages['m']): string;
  /** Empty: everyone. */
  roles: readonly Role[];
}

const MONITOR_IMPORT_ROLES: readonly Role[] = ['analyst', 'platform_admin'];
/** Roles that only see aggregates (AGGREGATE_ONLY_ROLES; not imported: contracts/roles.ts pulls in zod). */
const AGGREGATE_ROLES: readonly Role[] = ['policy_officer', 'analyst'];

const CARDS: Card[] = [
  { to: '/clienten', title: (m) => m.families.nav, text: (m) => m.families.homeCardText, roles: ['professional'] },
  { to: '/beheer/noodtoegang', title: (m) => m.emergency.reviewTitle, text: (m) => m.emergency.homeCardText, roles: ADMIN_ROLES },
  // chain: home cards (keep this marker)
  { to: '/vragenlijst', title: (m) => m.mq.title, text: (m) => m.mq.homeCardText, roles: ['policy_officer', 'coalition_coordinator', 'analyst', 'platform_admin'] },
  { to: '/monitor', title: (m) => m.home.cardMonitor, text: (m) => m.home.cardMonitorText, roles: [] },
  { to: '/monitor/import', title: (m) => m.home.cardMonitorImport, text: (m) => m.home.cardMonitorImportText, roles: MONITOR_IMPORT_ROLES },
  { to: '/beheer/organisaties', title: (m) => m.home.cardOrganisations, text: (m) => m.home.cardOrganisationsText, roles: ADMIN_ROLES },
  { to: '/beheer/medewerkers', title: (m) => m.home.cardPeople, text: (m) => m.home.cardPeopleText, roles: ADMIN_ROLES },
  { to: '/beheer/audit', title: (m) => m.home.cardAudit, text: (m) => m.home.cardAuditText, roles: ADMIN_ROLES },
  { to: '/gemeenten', title: (m) => m.home.cardMunicipalities, text: (m) => m.home.cardMunicipalitiesText, roles: [] },
  { to: '/account', title: (m) => m.home.cardAccount, text: (m) => m.home.cardAccountText, roles: [] },
];

/** One explanation per kind of role the person has, in a fixed order. */
const ROLE_TEXTS: { roles: readonly Role[]; text(m: Messages['m']): string }[] = [
  { roles: ['professional'], text: (m) => m.home.professionalText },
  { roles: ['coalition_coordinator'], text: (m) => m.home.coordinatorText },
  { roles: ['policy_officer', 'analyst'], text: (m) => m.home.aggregateText },
  { roles: ADMIN_ROLES, text: (m) => m.home.adminText },
];

export default function HomePage() {
  const { m, format } = useMessages();
  const { session } = useSession();
  if (!session) return null;
  const roleNames = session.roles.map((role) => m.roles[role].toLowerCase()).join(', ');
  return (
    <Page title={format(m.home.title, { name: session.person.name })}>
      <Paragraph appearance="lead">
        {session.organisation
          ? format(m.home.intro, { organisation: session.organisation.name, roles: roleNames })
          : m.home.introNoOrganisation}
      </Paragraph>
      {ROLE_TEXTS.filter((entry) => hasAnyRole(session, entry.roles)).map((entry) => (
        <Paragraph key={entry.roles.join()}>{entry.text(m)}</Paragraph>
      ))}
      {hasAnyRole(session, AGGREGATE_ROLES) ? (
        // Policy officers and analysts only see aggregates: the monitor is what they come for.
        <p className="kr-home-monitor">
          <ButtonLink to="/monitor">{m.home.cardMonitor}</ButtonLink>
        </p>
      ) : null}
      {hasAnyRole(session, ['professional']) && session.organisation ? <WorkOverview /> : null}
      <Heading level={2}>{m.home.tasks}</Heading>
      <ul className="kr-cards">
        {CARDS.filter((card) => card.roles.length === 0 || hasAnyRole(session, card.roles)).map((card) => (
          <li key={card.to} className="kr-card">
            <Heading level={3} className="kr-card__title">
              <Link to={card.to}>{card.title(m)}</Link>
            </Heading>
            <Paragraph>{card.text(m)}</Paragraph>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/**
 * A professional's work at a glance: new referrals in the inbox and the referrals sent, each a link to
 * its list; the open referrals the organisation sent, with their status (a midwife follows them until
 * the help is there); and the organisation's clients (her caseload).
 */
function WorkOverview() {
  const { m, format, formatDate } = useMessages();
  const incoming = useAsync(() => referralApi.list({ box: 'incoming', filter: 'new', pageSize: 1 }), []);
  const outgoing = useAsync(() => referralApi.list({ box: 'outgoing', pageSize: 1 }), []);
  const open = useAsync(() => referralApi.list({ box: 'outgoing', filter: 'open', pageSize: HOME_LIST_SIZE }), []);
  const clients = useAsync(() => familyApi.list({ pageSize: HOME_LIST_SIZE }), []);
  const count = (total: number | undefined, one: string, many: string) => (total === 1 ? one : format(many, { count: total ?? 0 }));
  if (!incoming.data || !outgoing.data) return null;
  return (
    <section aria-labelledby="work-title">
      <Heading level={2} id="work-title">
        {m.home.workTitle}
      </Heading>
      <ul>
        <li>
          <Link to="/verwijzingen?box=incoming&filter=new">{count(incoming.data.total, m.home.incomingOne, m.home.incomingMany)}</Link>
        </li>
        <li>
          <Link to="/verwijzingen?box=outgoing">{count(outgoing.data.total, m.home.outgoingOne, m.home.outgoingMany)}</Link>
        </li>
      </ul>
      {open.data ? (
        <section aria-labelledby="open-referrals-title">
          <Heading level={3} id="open-referrals-title">
            {m.referrals.homeOpenReferralsTitle}
          </Heading>
          <CareTable
            items={open.data.items}
            empty={m.referrals.homeNoOpenReferrals}
            caption={m.referrals.homeOpenReferralsCaption}
            columns={[m.referrals.columnClient, m.referrals.columnReceiver, m.referrals.columnStatus, m.referrals.columnRequestedAt]}
            renderCells={(referral) => (
              <>
                <TableCell>
                  <Link to={`/verwijzingen/${referral.id}`}>{referral.clientName ?? m.referrals.open}</Link>
                </TableCell>
                <TableCell>{referral.receiverOrganisationName}</TableCell>
                <TableCell>{statusText(m, referral.status, referral.outcome)}</TableCell>
                <TableCell>{referral.requestedAt ? formatDate(referral.requestedAt) : ''}</TableCell>
              </>
            )}
          />
          {open.data.total > open.data.items.length ? (
            <Paragraph>
              <Link to="/verwijzingen?box=outgoing">{m.referrals.homeAllOutgoing}</Link>
            </Paragraph>
          ) : null}
        </section>
      ) : null}
      {clients.data ? (
        <section aria-labelledby="clients-title">
          <Heading level={3} id="clients-title">
            {m.referrals.homeClientsTitle}
          </Heading>
          <CareTable
            items={clients.data.items}
            empty={m.referrals.homeNoClients}
            caption={m.referrals.homeClientsCaption}
            columns={[m.families.columnClient, m.families.columnDueDate, m.families.columnMunicipality]}
            renderCells={(family) => (
              <>
                <TableCell>
                  <Link to={`/clienten/${family.id}`}>{family.clientName}</Link>
                </TableCell>
                <TableCell>{family.dueDate ? formatDate(family.dueDate) : ''}</TableCell>
                <TableCell>{family.municipalityName}</TableCell>
              </>
            )}
          />
          <Paragraph>
            <Link to="/clienten">{format(m.referrals.homeAllClients, { count: clients.data.total })}</Link>
          </Paragraph>
        </section>
      ) : null}
    </section>
  );
}
