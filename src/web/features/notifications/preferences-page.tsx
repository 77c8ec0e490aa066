// SPDX-License-Identifier: EUPL-1.2
// The person's notification preferences (issue 16 item 5), under her account: per kind of event not at
// all, only in Kansrijk, or also by e-mail (at once, or once a day); and the language of her e-mails.
import { useEffect, useState } from 'react';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, PREFERRED_LANGUAGES, type NotificationDelivery, type NotificationKind, type PreferredLanguage } from '../../../contracts/notifications.js';
import { notificationApi, type NotificationPreferences } from './api.js';
import { SelectField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Confirmation } from '../../components/confirmation.js';
import { Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export default function NotificationPreferencesPage() {
  const { m } = useMessages();
  const t = m.notifications;
  const current = useAsync(() => notificationApi.preferences(), []);
  return (
    <Page title={t.preferencesTitle} intro={t.preferencesIntro}>
      <AsyncContent state={current}>{(data) => <PreferencesForm initial={data} />}</AsyncContent>
    </Page>
  );
}

function PreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const { m } = useMessages();
  const t = m.notifications;
  const [chosen, setChosen] = useState<Record<NotificationKind, NotificationDelivery>>(
    () => Object.fromEntries(initial.preferences.map((entry) => [entry.kind, entry.delivery])) as Record<NotificationKind, NotificationDelivery>,
  );
  const [language, setLanguage] = useState<PreferredLanguage>(initial.language);
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const form = useForm({});
  useEffect(() => setSavedMessage(null), [chosen, language]);
  const submit = form.submitWith(
    () => ({}),
    async () => {
      await notificationApi.savePreferences(
        NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen[kind] })),
        language,
      );
      setSavedMessage(t.saved);
    },
  );
  const options = NOTIFICATION_DELIVERIES.map((delivery) => ({ value: delivery, label: t[`delivery_${delivery}`] }));
  return (
    <>
      <Paragraph>{initial.isInboxRecipient ? t.preferencesInboxRecipient : t.preferencesNotInboxRecipient}</Paragraph>
      <Confirmation text={savedMessage} />
      <ErrorSummary {...form.summary} labels={{}} />
      <Form onSubmit={submit}>
        {NOTIFICATION_KINDS.map((kind) => (
          <SelectField
            key={kind}
            id={`preference-${kind}`}
            label={t[`kind_${kind}`]}
            value={chosen[kind]}
            onValueChange={(value) => setChosen((previous) => ({ ...previous, [kind]: value as NotificationDelivery }))}
            options={options}
          />
        ))}
        <SelectField
          id="preference-language"
          label={t.language}
          description={t.languageHint}
          value={language}
          onValueChange={(value) => setLanguage(value as PreferredLanguage)}
          options={PREFERRED_LANGUAGES.map((code) => ({ value: code, label: t[`language_${code}`] }))}
        />
        <FormButtons submitLabel={t.save} isSubmitting={form.isSubmitting} />
      </Form>
    </>
  );
}
