// SPDX-License-Identifier: EUPL-1.2
// The family file: who the client is, and the sections of the file as a sub-navigation.
import { NavLink, Outlet, useParams } from 'react-router';
import { useMessages, type Messages } from '../../i18n/messages.js';

interface Section {
  /** Relative to /clienten/:familyId ('' = overview). */
  to: string;
  label(m: Messages['m']): string;
}

const SECTIONS: Section[] = [
  { to: '', label: (m) => m.families.sectionOverview },
  { to: 'zorg', label: (m) => m.care.sectionLabel },
  // chain: family file sections (one entry per section; keep this marker)
  { to: 'inzage', label: (m) => m.families.sectionAccessLog },
];

export default function FamilyLayout() {
  const { m } = useMessages();
  const { familyId } = useParams();
  return (
    <div className="kr-family">
      <nav aria-label={m.families.sectionsLabel} className="kr-subnav">
        <ul className="kr-subnav__list">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={`/clienten/${familyId}${section.to ? `/${section.to}` : ''}`} end className="kr-subnav__link">
                {section.label(m)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
