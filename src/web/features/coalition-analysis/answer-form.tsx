// SPDX-License-Identifier: EUPL-1.2
// The self-analysis form a respondent fills in (with an account or through a personal link): per
// part a heading, per statement five radio buttons; part or all of it, saved as often as they like
// while the round is open. Shows only the statements and the respondent's own scores.
import { useState, type ChangeEvent } from 'react';
import { RadioButton } from '@utrecht/radio-button-react';
import type { AnalysisForm, SaveAnswersRequest, SaveAnswersResult } from '../../../contracts/coalition-analysis.js';
import { Confirmation } from '../../components/confirmation.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { Alert, Fieldset, FieldsetLegend, FormField, FormLabel, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import './coalition-analysis.css';

export function AnswerForm({ form, save }: { form: AnalysisForm; save(body: SaveAnswersRequest): Promise<SaveAnswersResult> }) {
  const { m, format } = useMessages();
  const [scores, setScores] = useState<Record<string, number>>(form.answers);
  const [message, setMessage] = useState<string | null>(null);
  const [messageKey, setMessageKey] = useState(0);
  const total = form.parts.reduce((sum, part) => sum + part.statements.length, 0);
  const firstKey = form.parts[0]?.statements[0]?.key ?? '';
  const state = useForm({ answers: `score-${firstKey}-1` });
  const isClosed = form.status === 'closed';
  const submit = state.submitWith(
    () => (Object.keys(scores).length === 0 ? { answers: m.analysis.nothingChosen } : {}),
    async () => {
      const result = await save({ answers: Object.entries(scores).map(([statementKey, score]) => ({ statementKey, score })) });
      setMessage(format(m.analysis.savedAnswers, { answered: result.answeredCount, total: result.statementCount }));
      setMessageKey((key) => key + 1);
    },
  );
  return (
    <>
      <Paragraph>{m.analysis.formPrivacy}</Paragraph>
      <Paragraph>{m.analysis.ownStatements}</Paragraph>
      {isClosed ? <Alert type="info">{m.analysis.formClosed}</Alert> : null}
      <Paragraph>{format(m.analysis.formProgress, { answered: Object.keys(form.answers).length, total })}</Paragraph>
      <Form onSubmit={submit} label={m.analysis.formCrumb}>
        <ErrorSummary {...state.summary} labels={{ answers: m.analysis.columnStatement }} />
        {form.parts.map((part) => (
          <section key={part.key} aria-labelledby={`part-${part.key}`} className="kr-analysis-part">
            <Heading level={2} id={`part-${part.key}`}>
              {part.title}
            </Heading>
            {part.statements.map((statement) => (
              <Fieldset key={statement.key} className="kr-analysis-statement">
                <FieldsetLegend>
                  {statement.number} {statement.text}
                </FieldsetLegend>
                <div className="kr-analysis-scale">
                  {form.scaleLabels.map((label, index) => {
                    const score = index + 1;
                    const id = `score-${statement.key}-${score}`;
                    return (
                      <FormField key={score} type="radio">
                        <div className="utrecht-form-field__input kr-checkbox-row">
                          <RadioButton
                            id={id}
                            name={`score-${statement.key}`}
                            value={String(score)}
                            checked={scores[statement.key] === score}
                            disabled={isClosed}
                            onChange={(event: ChangeEvent<HTMLInputElement>) => event.target.checked && setScores((current) => ({ ...current, [statement.key]: score }))}
                          />
                          <FormLabel htmlFor={id} type="radio">
                            {score} · {label}
                          </FormLabel>
                        </div>
                      </FormField>
                    );
                  })}
                </div>
              </Fieldset>
            ))}
          </section>
        ))}
        <Confirmation text={message} focusKey={messageKey} />
        {isClosed ? null : <FormButtons submitLabel={m.analysis.saveAnswers} isSubmitting={state.isSubmitting} />}
      </Form>
    </>
  );
}
