// SPDX-License-Identifier: EUPL-1.2
// /zorgpaden/contactkaart/:serviceId?factor=…: at an external provider's service in a pathway, a
// printable contact card / warm hand-over letter with only what the professional chooses: the
// service's contact details always; the factor if she ticks it; client details only when she ticks
// them and types them here. Nothing of it is sent to the server, stored or logged: the page only reads
// the service from the directory (no personal data) and prints what is on the screen.
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { CheckboxField, TextAreaField, TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { serviceApi, type Service } from '../services/api.js';
import { ServiceMarks } from './service-marks.js';
import './pathways.css';

export default function ContactCardPage() {
  const { serviceId = '' } = useParams();
  const state = useAsync(() => serviceApi.get(serviceId), [serviceId]);
  return <AsyncContent state={state}>{(service) => <ContactCard service={service} />}</AsyncContent>;
}

function ContactCard({ service }: { service: Service }) {
  const { m, format } = useMessages();
  const t = m.pathwayServices;
  const [searchParams] = useSearchParams();
  // Only a factor of the factor model is offered; anything else in the address is ignored.
  const factorKey = searchParams.get('factor') ?? '';
  const factorLabel = FACTOR_CATALOGUE.get(factorKey)?.riskLabel ?? null;
  const [includeFactor, setIncludeFactor] = useState(false);
  const [includeClient, setIncludeClient] = useState(false);
  const [clientName, setClientName] = useState('');
  const [includeNote, setIncludeNote] = useState(false);
  const [note, setNote] = useState('');
  return (
    <Page title={format(t.cardTitle, { name: service.name })} intro={t.cardIntro}>
      <form className="kr-no-print" onSubmit={(event) => event.preventDefault()}>
        <Fieldset>
          <FieldsetLegend>{t.cardChoices}</FieldsetLegend>
          {factorLabel ? (
            <CheckboxField id="card-factor" label={format(t.cardIncludeFactor, { factor: factorLabel })} checked={includeFactor} onCheckedChange={setIncludeFactor} />
          ) : null}
          <CheckboxField id="card-client" label={t.cardIncludeClient} checked={includeClient} onCheckedChange={setIncludeClient} />
          {includeClient ? <TextField id="card-client-name" label={t.cardClientName} autoComplete="off" value={clientName} onValueChange={setClientName} /> : null}
          <CheckboxField id="card-note" label={t.cardIncludeNote} checked={includeNote} onCheckedChange={setIncludeNote} />
          {includeNote ? <TextAreaField id="card-note-text" label={t.cardNote} value={note} onValueChange={setNote} rows={4} /> : null}
        </Fieldset>
      </form>
      <ButtonGroup>
        <Button variant="primary" onClick={() => window.print()}>
          {t.cardPrint}
        </Button>
      </ButtonGroup>
      <section className="kr-contact-card" aria-labelledby="card-heading">
        <Heading level={2} id="card-heading">
          {service.name}
          <ServiceMarks service={{ directory: { isActive: service.isActive, notRecentlyChecked: service.verification === 'overdue' } }} />
        </Heading>
        <dl className="kr-pathway-contact">
          <dt>{t.cardProvider}</dt>
          <dd>{service.providerName}</dd>
          {service.phone ? (
            <>
              <dt>{m.pathways.phone}</dt>
              <dd>{service.phone}</dd>
            </>
          ) : null}
          {service.email ? (
            <>
              <dt>{m.pathways.email}</dt>
              <dd className="kr-break-anywhere">{service.email}</dd>
            </>
          ) : null}
          {service.website ? (
            <>
              <dt>{m.pathways.website}</dt>
              <dd className="kr-break-anywhere">{service.website}</dd>
            </>
          ) : null}
          {service.openingHours ? (
            <>
              <dt>{t.cardOpeningHours}</dt>
              <dd>{service.openingHours}</dd>
            </>
          ) : null}
        </dl>
        {includeClient && clientName.trim() ? <Paragraph>{format(t.cardFor, { name: clientName.trim() })}</Paragraph> : null}
        {includeFactor && factorLabel ? <Paragraph>{format(t.cardFactor, { factor: factorLabel })}</Paragraph> : null}
        {includeNote && note.trim() ? <Paragraph className="kr-pathway-text">{note.trim()}</Paragraph> : null}
      </section>
    </Page>
  );
}
