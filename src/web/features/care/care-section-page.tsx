// SPDX-License-Identifier: EUPL-1.2
// The family file section "JGZ en zorg": prenatal home visit, interventions, outcomes and support tier.
import { useParams } from 'react-router';
import { Page } from '../../components/page.js';
import { useMessages } from '../../i18n/messages.js';
import { HomeVisitsSection } from './home-visits-section.js';
import { EnrolmentsSection } from './enrolments-section.js';
import { OutcomesSection } from './outcomes-section.js';
import { SupportTierSection } from './support-tier-section.js';
import './care.css';

export default function CareSectionPage() {
  const { m } = useMessages();
  const { familyId = '' } = useParams();
  return (
    <Page title={m.care.title} intro={m.care.intro}>
      <HomeVisitsSection familyId={familyId} />
      <EnrolmentsSection familyId={familyId} />
      <OutcomesSection familyId={familyId} />
      <SupportTierSection familyId={familyId} />
    </Page>
  );
}
