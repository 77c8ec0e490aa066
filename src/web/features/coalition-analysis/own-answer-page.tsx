// SPDX-License-Identifier: EUPL-1.2
// /zelfanalyse/uitnodigingen/{respondentId}: a logged-in partner answers their own invitation.
import { useParams } from 'react-router';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { useMessages } from '../../i18n/messages.js';
import { analysisApi } from './api.js';
import { AnswerForm } from './answer-form.js';

export default function OwnAnswerPage() {
  const { respondentId = '' } = useParams();
  const { m, format } = useMessages();
  const state = useAsync(() => analysisApi.ownForm(respondentId), [respondentId]);
  return (
    <AsyncContent state={state}>
      {(form) => (
        <Page title={format(m.analysis.formTitle, { round: form.roundTitle })} intro={format(m.analysis.formIntro, { coalition: form.coalitionName })}>
          <AnswerForm form={form} save={(body) => analysisApi.saveOwn(respondentId, body)} />
        </Page>
      )}
    </AsyncContent>
  );
}
