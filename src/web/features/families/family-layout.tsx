// SPDX-License-Identifier: EUPL-1.2
// The family file: loads the family once (a read, audited), says so when it is open through emergency
// access, and offers the sections of the file as a sub-navigation. Sections get the family through
// useFamily().
import { NavLink, Outlet, useParams } from 'react-router';
import { AsyncContent, useAsync } from '../../components/page.js';
import { Alert } from '../../components/ui.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { familyApi } from './api.js';
import { clientNameOf, type FamilyContext } from './family-context.js';

interface Section {
  /** Relative to /clienten/:familyId ('' = overview). */
  to: string;
  label(m: Messages['m']): string;
}

const SECTIONS: Section[] = [
  { to: '', label: (m) => m.families.sectionOverview },
  { to: 'screening', label: (m) => m.screening.section },
  { to: 'zorg', label: (m) => m.care.sectionLabel },
  { to: 'verwijzingen', label: (m) => m.referrals.familySection },
  // chain: family file sections (one entry per section; keep this marker)
  { to: 'inzage', label: (m) => m.families.sectionAccessLog },
];

export default function FamilyLayout() {
  const { m, format, formatDateTime } = useMessages();
  const { familyId = '' } = useParams();
  const state = useAsync(() => familyApi.get(familyId), [familyId]);
  return (
    <AsyncContent state={state}>
      {(family) => {
        const context: FamilyContext = { family, reload: state.reload };
        return (
          <div className="kr-family">
            {family.emergencyAccessUntil ? (
              <Alert type="warning">{format(m.families.emergencyBanner, { time: formatDateTime(family.emergencyAccessUntil) })}</Alert>
            ) : null}
            <nav aria-label={`${m.families.sectionsLabel}: ${clientNameOf(family)}`} className="kr-subnav">
              <ul className="kr-subnav__list">
                {SECTIONS.map((section) => (
                  <li key={section.to}>
                    <NavLink to={`/clienten/${familyId}${section.to ? `/${section.to}` : ''}`} end={section.to === ''} className="kr-subnav__link">
                      {section.label(m)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <Outlet context={context} />
          </div>
        );
      }}
    </AsyncContent>
  );
}
