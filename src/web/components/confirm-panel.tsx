// SPDX-License-Identifier: EUPL-1.2
// A panel that asks "are you sure?" before one action (withdrawing a consent): the question, the
// action's button and Cancel; a second click while the action runs does nothing, and a failure is
// said in the panel in the words `describeError` gives it.
import { useState, type FormEvent } from 'react';
import { useMessages } from '../i18n/messages.js';
import { Form, FormButtons } from './form.js';
import { Panel } from './panel.js';
import { Alert, Button, Paragraph } from './ui.js';

export interface ConfirmPanelProps<T> {
  id: string;
  title: string;
  question: string;
  submitLabel: string;
  action(): Promise<T>;
  onDone(result: T): void;
  onClose(): void;
  describeError(error: unknown): string;
}

export function ConfirmPanel<T>({ id, title, question, submitLabel, action, onDone, onClose, describeError }: ConfirmPanelProps<T>) {
  const { m } = useMessages();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setIsBusy(true);
    try {
      onDone(await action());
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Panel id={id} title={title} onClose={onClose}>
      {error ? <Alert type="error">{error}</Alert> : null}
      <Paragraph>{question}</Paragraph>
      <Form onSubmit={submit}>
        <FormButtons submitLabel={submitLabel} isSubmitting={isBusy}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}
