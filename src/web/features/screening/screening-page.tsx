// SPDX-License-Identifier: EUPL-1.2
// One screening: the form while it is a draft; once completed, the factor profile with the care
// pathways per risk factor — shown right after submitting.
import { useEffect, useState } from 'react';
import './screening.css';
import { useParams } from 'react-router';
import type { Screening } from '../../../contracts/screening.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { ButtonGroup, ButtonLink, Link, Paragraph } from '../../components/ui.js';
import { useFamily } from '../families/family-context.js';
import { useMessages } from '../../i18n/messages.js';
import type { Questionnaire } from '../../../contracts/screening/questionnaire-schema.js';
import { screeningApi } from './api.js';
import { QuestionnaireForm } from './questionnaire-form.js';
import { FactorProfileView } from './factor-profile-view.js';
import { PathwaySuggestions } from './pathway-suggestions.js';

export default function ScreeningPage() {
  const { familyId = '', screeningId = '' } = useParams();
  const state = useAsync(async () => {
    const screening = await screeningApi.get(screeningId);
    const questionnaire = screening.status === 'in-progress' ? await screeningApi.questionnaire(screening.questionnaireId) : null;
    return { screening, questionnaire };
  }, [screeningId]);
  return <AsyncContent state={state}>{(data) => <ScreeningView familyId={familyId} initial={data.screening} questionnaire={data.questionnaire} />}</AsyncContent>;
}

function ScreeningView({ familyId, initial, questionnaire }: { familyId: string; initial: Screening; questionnaire: Questionnaire | null }) {
  const { m, format } = useMessages();
  const { family } = useFamily();
  const [screening, setScreening] = useState(initial);
  const [justCompleted, setJustCompleted] = useState(false);
  useEffect(() => {
    // After submitting, the result replaces the form: take the reader to its heading.
    if (justCompleted) document.getElementById('page-title')?.focus();
  }, [justCompleted]);

  const back = (
    <Paragraph>
      <Link to={`/clienten/${familyId}/screening`}>{m.screening.backToList}</Link>
    </Paragraph>
  );

  if (screening.status === 'completed') {
    return (
      <Page title={m.screening.resultTitle} intro={m.screening.resultIntro}>
        <FactorProfileView screening={screening} />
        {family.allowedActions.includes('refer') ? (
          // Refer straight from the profile: the referral form opens with this screening's risk factors.
          <div className="kr-section">
            <Paragraph>{m.referrals.referFromProfileText}</Paragraph>
            <ButtonGroup>
              <ButtonLink to={`/clienten/${familyId}/verwijzingen?verwijzen=${encodeURIComponent(screening.id)}`}>{m.referrals.referFromProfile}</ButtonLink>
            </ButtonGroup>
          </div>
        ) : null}
        <PathwaySuggestions familyId={familyId} screeningId={screening.id} mayRefer={family.allowedActions.includes('refer')} />
        {back}
      </Page>
    );
  }
  return (
    <Page title={m.screening.formTitle} intro={m.screening.formIntro}>
      <Paragraph>{format(m.screening.instrumentVersion, { title: screening.questionnaireTitle, version: screening.questionnaireVersion })}</Paragraph>
      {questionnaire ? (
        <QuestionnaireForm
          screening={screening}
          questionnaire={questionnaire}
          onCompleted={(completed) => {
            setScreening(completed);
            setJustCompleted(true);
          }}
        />
      ) : null}
      {back}
    </Page>
  );
}
