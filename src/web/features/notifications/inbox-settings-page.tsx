// SPDX-License-Identifier: EUPL-1.2
// The organisation admin's inbox notification settings (issue 16 item 5): a shared e-mail address that
// hears of every new referral, and which members receive the inbox notices.
import { useState } from 'react';
import { notificationApi, type InboxSettings } from './api.js';
import { CheckboxGroup, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Confirmation } from '../../components/confirmation.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';

export default function InboxSettingsPage() {
  const { m } = useMessages();
  const t = m.notifications;
  const { session } = useSession();
  const organisationId = session?.organisation?.id ?? '';
  const current = useAsync(() => notificationApi.inboxSettings(organisationId), [organisationId]);
  return (
    <Page title={t.inboxTitle} intro={t.inboxIntro}>
      <AsyncContent state={current}>{(data) => <InboxSettingsForm initial={data} />}</AsyncContent>
    </Page>
  );
}

function InboxSettingsForm({ initial }: { initial: InboxSettings }) {
  const { m } = useMessages();
  const t = m.notifications;
  const [address, setAddress] = useState(initial.functionalAddress ?? '');
  const [recipients, setRecipients] = useState(initial.members.filter((member) => member.isRecipient).map((member) => member.personId));
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [savedCount, setSavedCount] = useState(0);
  const form = useForm({ functionalAddress: 'functional-address', recipientIds: 'inbox-recipients' });
  const submit = form.submitWith(
    () => ({}),
    async () => {
      const saved = await notificationApi.saveInboxSettings(initial.organisationId, { functionalAddress: address.trim() || null, recipientIds: recipients });
      setAddress(saved.functionalAddress ?? '');
      setSavedMessage(t.inboxSaved);
      setSavedCount((count) => count + 1);
    },
  );
  return (
    <>
      <Confirmation text={savedMessage} focusKey={savedCount} />
      <ErrorSummary {...form.summary} labels={{ functionalAddress: t.functionalAddress, recipientIds: t.recipients }} />
      <Form onSubmit={submit}>
        <TextField
          id="functional-address"
          label={t.functionalAddress}
          description={t.functionalAddressHint}
          type="email"
          autoComplete="off"
          value={address}
          onValueChange={setAddress}
          error={form.summary.errors.functionalAddress}
          isOptional
        />
        <CheckboxGroup
          id="inbox-recipients"
          legend={t.recipients}
          options={initial.members.map((member) => ({ value: member.personId, label: member.name }))}
          selected={recipients}
          onSelectedChange={setRecipients}
          error={form.summary.errors.recipientIds}
        />
        <FormButtons submitLabel={t.inboxSave} isSubmitting={form.isSubmitting} />
      </Form>
    </>
  );
}
