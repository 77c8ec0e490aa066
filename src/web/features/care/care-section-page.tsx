// SPDX-License-Identifier: EUPL-1.2
// The family file section "JGZ en zorg": prenatal home visit, interventions, outcomes and support tier.
import { useParams } from 'react-router';
import { Page } from '../../components/page.js';
import { useMessages } from '../../i18n/messages.js';
import { useFamily } from '../families/family-context.js';
import { HomeVisitsSection } from './home-visits-section.js';
import { EnrolmentsSection } from './enrolments-section.js';
import { OutcomesSection } from './outcomes-section.js';
import { SupportTierSection } from './support-tier-section.js';
import './care.css';

export default function CareSectionPage() {
  const { m } = useMessages();
  const { familyId = '' } = useParams();
  // What may be offered comes from the server (the access policy), not from guesses here.
  const { family } = useFamily();
  return (
    <Page title={m.care.title} intro={m.care.intro}>
      <HomeVisitsSection familyId={familyId} mayPlan={family.allowedActions.includes('plan_home_visit')} />
      <EnrolmentsSection familyId={familyId} />
      <OutcomesSection familyId={familyId} />
      {family.allowedActions.includes('set_support_tier') ? <SupportTierSection familyId={familyId} /> : null}
    </Page>
  );
}
