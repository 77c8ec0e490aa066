// SPDX-License-Identifier: EUPL-1.2
// The family file's overview: client, partner, children (with their closure flags), pregnancy, contact
// preferences, who may see the file, and possible duplicate registrations (merge keeps history).
import { useState } from 'react';
import { useLocation } from 'react-router';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { CheckboxField, SelectField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { familyApi, type Family } from './api.js';
import { clientNameOf, useFamily } from './family-context.js';
import { Confirmation } from '../../components/confirmation.js';
import { ChildrenSection } from './children-section.js';

const CHANNELS = ['phone', 'email', 'letter', 'in_person'] as const;

function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <dl className="kr-fact-list">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export default function FamilyOverviewPage() {
  const { m, format, formatDate } = useMessages();
  const text = m.families;
  const { family, reload } = useFamily();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash ?? null;
  const [message, setMessage] = useState<string | null>(flash);
  const client = family.members.find((member) => member.role === 'client');
  const partner = family.members.find((member) => member.role === 'partner');
  const pregnancy = family.pregnancies.find((item) => item.status === 'ongoing');
  const changed = (note: string) => {
    setMessage(note);
    reload();
  };
  const mayUpdate = family.allowedActions.includes('update');

  return (
    <Page title={format(text.overviewTitle, { name: clientNameOf(family) })}>
      <Confirmation text={message} />
      {family.mergedIntoId ? <Alert type="info">{text.mergedBanner}</Alert> : null}
      <Heading level={2}>{text.clientHeading}</Heading>
      <Facts
        rows={[
          [text.givenName, client?.givenName],
          [text.familyName, client?.familyName],
          [text.birthDate, client?.birthDate ? formatDate(client.birthDate) : null],
          [text.searchBsn, client?.bsn],
          [text.postcode, family.postcode],
          [text.municipality, family.municipalityName],
        ]}
      />
      {partner ? (
        <>
          <Heading level={2}>{text.partnerHeading}</Heading>
          <Facts rows={[[text.givenName, partner.givenName], [text.familyName, partner.familyName], [text.birthDate, partner.birthDate ? formatDate(partner.birthDate) : null]]} />
        </>
      ) : null}
      <ChildrenSection family={family} onChanged={changed} />
      <Heading level={2}>{text.pregnancyHeading}</Heading>
      {pregnancy ? (
        <Facts
          rows={[
            [text.dueDate, formatDate(pregnancy.dueDate)],
            [text.gestationalAge, pregnancy.gestationalAge ? format(text.weeksDays, { value: pregnancy.gestationalAge }) : null],
            [text.parity, String(pregnancy.parity)],
          ]}
        />
      ) : (
        <>
          <Paragraph>{text.noPregnancy}</Paragraph>
          {mayUpdate ? <PregnancyForm family={family} onSaved={() => changed(m.app.saved)} /> : null}
        </>
      )}
      <Heading level={2}>{text.contactHeading}</Heading>
      <Facts
        rows={[
          [text.channel, text[`channel_${family.contact.channel}`]],
          [text.language, family.contact.language],
          [text.phone, family.contact.phone],
          [text.email, family.contact.email],
          [text.doNotContact, family.contact.doNotContact ? text.doNotContactYes : null],
        ]}
      />
      {mayUpdate ? <ContactEditor family={family} onSaved={() => changed(m.app.saved)} /> : null}
      <Heading level={2}>{text.careHeading}</Heading>
      <Paragraph>{text.careIntro}</Paragraph>
      <DataTable
        caption={text.careHeading}
        columns={[
          { key: 'organisation', header: m.accessLog.columnOrganisation, cell: (row) => row.organisationName },
          { key: 'basis', header: text.columnRegisteredBy, cell: (row) => text[`basis_${row.basis}`] },
          { key: 'since', header: m.emergency.columnStartedAt, cell: (row) => formatDate(row.since), csv: (row) => row.since },
        ]}
        rows={family.careRelationships}
        rowKey={(row) => `${row.organisationId}-${row.basis}`}
        csvName="zorgrelaties"
      />
      <Duplicates family={family} onMerged={() => changed(text.merged)} />
    </Page>
  );
}

function PregnancyForm({ family, onSaved }: { family: Family; onSaved(): void }) {
  const { m } = useMessages();
  const text = m.families;
  const [dueDate, setDueDate] = useState('');
  const [parity, setParity] = useState('0');
  const form = useForm({ dueDate: 'new-due-date', parity: 'new-parity' });
  const submit = form.submitWith(
    () => (dueDate ? {} : { dueDate: m.validation.required }),
    async () => {
      await familyApi.addPregnancy(family.id, { dueDate, parity: Number(parity) || 0 });
      onSaved();
    },
  );
  return (
    <>
      <ErrorSummary {...form.summary} labels={{ dueDate: text.dueDate, parity: text.parity }} />
      <Form onSubmit={submit} label={text.addPregnancy}>
        <TextField id="new-due-date" label={text.dueDate} type="date" value={dueDate} onValueChange={setDueDate} error={form.errors.dueDate} />
        <TextField id="new-parity" label={text.parity} inputMode="numeric" value={parity} onValueChange={setParity} error={form.errors.parity} />
        <FormButtons submitLabel={text.addPregnancy} isSubmitting={form.isSubmitting} />
      </Form>
    </>
  );
}

function ContactEditor({ family, onSaved }: { family: Family; onSaved(): void }) {
  const { m } = useMessages();
  const text = m.families;
  const [isOpen, setIsOpen] = useState(false);
  const [channel, setChannel] = useState<string>(family.contact.channel);
  const [phone, setPhone] = useState(family.contact.phone ?? '');
  const [email, setEmail] = useState(family.contact.email ?? '');
  const [doNotContact, setDoNotContact] = useState(family.contact.doNotContact);
  const form = useForm({ 'contact.phone': 'edit-phone', 'contact.email': 'edit-email' });
  if (!isOpen) {
    return (
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        {text.editContact}
      </Button>
    );
  }
  const submit = form.submitWith(
    () => ({}),
    async () => {
      await familyApi.update(family.id, {
        version: family.version,
        contact: { channel: channel as (typeof CHANNELS)[number], phone: phone.trim(), email: email.trim(), doNotContact },
      });
      setIsOpen(false);
      onSaved();
    },
  );
  return (
    <>
      <ErrorSummary {...form.summary} labels={{ 'contact.phone': text.phone, 'contact.email': text.email }} />
      <Form onSubmit={submit} label={text.editContact}>
        <SelectField id="edit-channel" label={text.channel} value={channel} onValueChange={setChannel} options={CHANNELS.map((value) => ({ value, label: text[`channel_${value}`] }))} />
        <TextField id="edit-phone" label={text.phone} type="tel" value={phone} onValueChange={setPhone} error={form.errors['contact.phone']} isOptional />
        <TextField id="edit-email" label={text.email} type="email" value={email} onValueChange={setEmail} error={form.errors['contact.email']} isOptional />
        <CheckboxField id="edit-do-not-contact" label={text.doNotContact} checked={doNotContact} onCheckedChange={setDoNotContact} />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button variant="subtle" onClick={() => setIsOpen(false)}>
            {m.app.cancel}
          </Button>
        </FormButtons>
      </Form>
    </>
  );
}

function Duplicates({ family, onMerged }: { family: Family; onMerged(): void }) {
  const { m, formatDate } = useMessages();
  const text = m.families;
  const state = useAsync(() => familyApi.duplicates(family.id), [family.id, family.version]);
  const [error, setError] = useState<string | null>(null);
  type Candidate = NonNullable<typeof state.data>['candidates'][number];
  const columns: Column<Candidate>[] = [
    { key: 'client', header: text.columnClient, cell: (row) => row.clientName },
    { key: 'birthDate', header: text.columnBirthDate, cell: (row) => (row.birthDate ? formatDate(row.birthDate) : ''), csv: (row) => row.birthDate },
    { key: 'postcode', header: text.columnPostcode, cell: (row) => row.postcode ?? '' },
    {
      key: 'merge',
      header: m.shell.actions,
      csv: () => '',
      cell: (row) => (
        <Button
          variant="secondary"
          aria-label={`${text.mergeAction}: ${row.clientName}`}
          onClick={() => {
            setError(null);
            familyApi.merge(family.id, { duplicateId: row.familyId, version: family.version }).then(onMerged, () => setError(m.errors.stale_version));
          }}
        >
          {text.mergeAction}
        </Button>
      ),
    },
  ];
  return (
    <AsyncContent state={state}>
      {(data) =>
        data.candidates.length === 0 ? null : (
          <>
            <Heading level={2}>{text.duplicatesHeading}</Heading>
            {error ? <Alert type="error">{error}</Alert> : null}
            <DataTable caption={text.duplicatesHeading} columns={columns} rows={data.candidates} rowKey={(row) => row.familyId} csvName="dubbele-registraties" />
          </>
        )
      }
    </AsyncContent>
  );
}
