// SPDX-License-Identifier: EUPL-1.2
// The questionnaire's collaboration agreements per topic (seed 003 "Samenwerking"; issue 10 item 6):
// per topic yes / no / not answered, and when there is none the reason. Prefilled from the coalition's
// agreements register (the source shows under the legend); the policy officer corrects.
import { AGREEMENT_TOPICS, type AgreementTopic } from '../../../contracts/coalition-agreements.js';
import type { AnswersInput } from '../../../contracts/municipal-questionnaire.js';
import { SelectField, TextField } from '../../components/fields.js';
import { Fieldset, FieldsetLegend, FormFieldDescription } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export type AgreementChoice = { answer: '' | 'yes' | 'no'; reason: string };
export type AgreementDraft = Record<AgreementTopic, AgreementChoice>;
type AgreementAnswer = NonNullable<AnswersInput['agreements']>[number];

export const agreementFieldId = (topic: AgreementTopic) => `mq-agreement-${topic}`;
export const agreementReasonId = (topic: AgreementTopic) => `mq-agreement-${topic}-reason`;

/** The stored answer (a list of the topics answered) as one choice per topic. */
export function agreementDraftOf(value: unknown): AgreementDraft {
  const answered = Array.isArray(value) ? (value as AgreementAnswer[]) : [];
  return Object.fromEntries(
    AGREEMENT_TOPICS.map((topic) => {
      const item = answered.find((candidate) => candidate.topic === topic);
      return [topic, { answer: item ? (item.hasAgreement ? 'yes' : 'no') : '', reason: item?.reason ?? '' }];
    }),
  ) as AgreementDraft;
}

/**
 * Back to the answer: only the topics answered, a reason only where there is no agreement, ordered by
 * topic key as the server's prefill orders them (an unchanged prefilled answer keeps its source).
 */
export function agreementAnswerOf(draft: AgreementDraft): AgreementAnswer[] {
  return AGREEMENT_TOPICS.flatMap((topic): AgreementAnswer[] => {
    const choice = draft[topic];
    if (choice.answer === '') return [];
    const reason = choice.reason.trim();
    return [{ topic, hasAgreement: choice.answer === 'yes', reason: choice.answer === 'no' && reason !== '' ? reason : null }];
  }).sort((a, b) => (a.topic < b.topic ? -1 : 1));
}

export function AgreementsFieldset({ draft, source, error, onChange }: { draft: AgreementDraft; source: string | undefined; error?: string | undefined; onChange(draft: AgreementDraft): void }) {
  const { m, format } = useMessages();
  const t = m.mq;
  const set = (topic: AgreementTopic, change: Partial<AgreementChoice>) => onChange({ ...draft, [topic]: { ...draft[topic], ...change } });
  return (
    <Fieldset id="mq-agreements" aria-describedby={source ? 'mq-agreements-description' : undefined} className="kr-mq-agreements">
      <FieldsetLegend>{t.agreementsLegend}</FieldsetLegend>
      {source ? <FormFieldDescription id="mq-agreements-description">{source}</FormFieldDescription> : null}
      {AGREEMENT_TOPICS.map((topic) => {
        const topicName = m.coalitionAgreementTopics[topic];
        return (
          <div key={topic} className="kr-mq-agreement">
            <SelectField
              id={agreementFieldId(topic)}
              label={format(t.agreementOn, { topic: topicName })}
              isOptional
              error={topic === AGREEMENT_TOPICS[0] ? error : undefined}
              value={draft[topic].answer}
              emptyOption={t.notAnswered}
              options={[
                { value: 'yes', label: t.agreementYes },
                { value: 'no', label: t.agreementNo },
              ]}
              onValueChange={(answer) => set(topic, { answer: answer as AgreementChoice['answer'] })}
            />
            {draft[topic].answer === 'no' ? (
              <TextField
                id={agreementReasonId(topic)}
                label={format(t.agreementReason, { topic: topicName })}
                isOptional
                value={draft[topic].reason}
                onValueChange={(reason) => set(topic, { reason })}
              />
            ) : null}
          </div>
        );
      })}
    </Fieldset>
  );
}

/** Read-only: "Prenataal huisbezoek: ja; Interventies: nee (reden)". */
export function agreementsText(value: unknown, m: ReturnType<typeof useMessages>['m']): string {
  const draft = agreementDraftOf(value);
  return AGREEMENT_TOPICS.filter((topic) => draft[topic].answer !== '')
    .map((topic) => {
      const choice = draft[topic];
      const answer = choice.answer === 'yes' ? m.mq.yes : m.mq.no;
      return `${m.coalitionAgreementTopics[topic]}: ${answer.toLowerCase()}${choice.answer === 'no' && choice.reason ? ` (${choice.reason})` : ''}`;
    })
    .join('; ');
}
