// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}/aanbod: a coalition's local offer — menu interventions and local activities, by
// service of the directory, for the whole coalition or one municipality — with add / edit / remove
// where the server allows, the ended offer apart, and CSV.
import { useState } from 'react';
import { useParams } from 'react-router';
import { FUNDING_ROUTES, type FundingRoute } from '../../../contracts/intervention-menu.js';
import { downloadBlob } from '../../api/client.js';
import { referenceApi } from '../../api/endpoints.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { interventionMenuApi } from '../intervention-menu/api.js';
import { localOfferApi, type CoalitionLocalOffer, type LocalOffer, type LocalOfferCreate } from './api.js';

type Step = { kind: 'edit'; offer: LocalOffer | null } | { kind: 'remove'; offer: LocalOffer };

export default function LocalOfferPage() {
  const { code = '' } = useParams();
  const { m, format } = useMessages();
  const t = m.localOffer;
  const list = useAsync(() => localOfferApi.ofCoalition(code), [code]);
  const [step, setStep] = useState<Step | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);

  const done = (text: string) => {
    setStep(null);
    setMessage(text);
    setFocusKey((key) => key + 1);
    list.reload();
  };

  return (
    <AsyncContent state={list}>
      {(data) => {
        const current = data.items.filter((offer) => offer.isCurrent);
        const other = data.items.filter((offer) => !offer.isCurrent);
        return (
          <Page title={format(t.title, { name: data.coalition.name })} intro={t.intro}>
            <Confirmation text={message} focusKey={focusKey} />
            <ButtonGroup>
              {data.allowedActions.includes('create') && step === null ? (
                <Button variant="primary" onClick={() => setStep({ kind: 'edit', offer: null })}>
                  {t.add}
                </Button>
              ) : null}
              <Button onClick={async () => downloadBlob(await localOfferApi.exportCsv(code), `lokaal-aanbod-${code}.csv`)}>{t.exportAll}</Button>
            </ButtonGroup>
            <Paragraph>
              <Link to={`/coalities/${code}/plan`}>{t.toPlan}</Link> · <Link to="/interventies">{t.toMenu}</Link>
            </Paragraph>
            {step?.kind === 'edit' ? (
              <OfferEditor
                key={step.offer?.id ?? 'new'}
                coalition={data.coalition}
                offer={step.offer}
                onSaved={(offer, isNew) => done(format(isNew ? t.created : t.updated, { name: offer.name }))}
                onClose={() => setStep(null)}
              />
            ) : null}
            {step?.kind === 'remove' ? (
              <RemovePanel code={code} offer={step.offer} onDone={() => done(format(t.removed, { name: step.offer.name }))} onClose={() => setStep(null)} />
            ) : null}
            {data.items.length === 0 ? <Paragraph>{t.empty}</Paragraph> : null}
            {current.length > 0 ? (
              <OfferTable caption={t.caption} rows={current} csvName={`lokaal-aanbod-${code}`} onStep={setStep} />
            ) : null}
            {other.length > 0 ? (
              <section aria-labelledby="offer-ended">
                <Heading level={2} id="offer-ended">
                  {t.endedTitle} ({other.length})
                </Heading>
                <OfferTable caption={t.endedCaption} rows={other} csvName={`lokaal-aanbod-beeindigd-${code}`} onStep={setStep} />
              </section>
            ) : null}
          </Page>
        );
      }}
    </AsyncContent>
  );
}

function OfferTable({ caption, rows, csvName, onStep }: { caption: string; rows: LocalOffer[]; csvName: string; onStep(step: Step): void }) {
  const { m, formatDate, formatNumber } = useMessages();
  const t = m.localOffer;
  const columns: Column<LocalOffer>[] = [
    {
      key: 'name',
      header: t.columnName,
      cell: (row) => (row.intervention ? <Link to={`/interventies/${row.intervention.key}`}>{row.name}</Link> : row.name),
      csv: (row) => row.name,
    },
    { key: 'kind', header: t.columnKind, cell: (row) => (row.intervention ? t.kindMenu : t.kindLocal) },
    { key: 'area', header: t.columnArea, cell: (row) => row.municipalityName ?? t.wholeCoalition },
    {
      key: 'service',
      header: t.columnService,
      cell: (row) => (
        <>
          {row.service.name} ({row.service.providerName})
          {row.service.verification === 'overdue' ? <strong> — {t.notRecentlyChecked}</strong> : null}
          {!row.service.isActive ? <strong> — {t.inactiveService}</strong> : null}
        </>
      ),
      csv: (row) => `${row.service.name} (${row.service.providerName})`,
    },
    { key: 'capacity', header: t.columnCapacity, cell: (row) => (row.capacityPerYear === null ? '' : formatNumber(row.capacityPerYear)), csv: (row) => row.capacityPerYear, isNumeric: true },
    { key: 'waiting', header: t.columnWaiting, cell: (row) => (row.waitingWeeks === null ? '' : formatNumber(row.waitingWeeks)), csv: (row) => row.waitingWeeks, isNumeric: true },
    { key: 'funding', header: t.columnFunding, cell: (row) => m.interventionFundingRoutes[row.fundingRoute] },
    { key: 'since', header: t.columnSince, cell: (row) => formatDate(row.since), csv: (row) => row.since },
    { key: 'until', header: t.columnUntil, cell: (row) => (row.until ? formatDate(row.until) : ''), csv: (row) => row.until },
    {
      key: 'actions',
      header: t.columnActions,
      cell: (row) => (
        <ButtonGroup>
          {row.allowedActions.includes('update') ? (
            <Button variant="subtle" onClick={() => onStep({ kind: 'edit', offer: row })} aria-label={`${t.edit}: ${row.name}`}>
              {t.edit}
            </Button>
          ) : null}
          {row.allowedActions.includes('delete') ? (
            <Button variant="subtle" onClick={() => onStep({ kind: 'remove', offer: row })} aria-label={`${t.remove}: ${row.name}`}>
              {t.remove}
            </Button>
          ) : null}
        </ButtonGroup>
      ),
      csv: () => '',
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} csvName={csvName} />;
}

type Field = 'interventionKey' | 'activityName' | 'serviceId' | 'municipalityCode' | 'capacityPerYear' | 'waitingWeeks' | 'fundingRoute' | 'since' | 'until' | 'note';

/** A whole number typed in a text box: the number, null when empty, NaN when it is not one (the server says why). */
const wholeNumber = (value: string): number | null => (value.trim() === '' ? null : Number(value.trim()));

function OfferEditor({
  coalition,
  offer,
  onSaved,
  onClose,
}: {
  coalition: CoalitionLocalOffer['coalition'];
  offer: LocalOffer | null;
  onSaved(offer: LocalOffer, isNew: boolean): void;
  onClose(): void;
}) {
  const { m, format } = useMessages();
  const t = m.localOffer;
  const [kind, setKind] = useState<'menu' | 'local'>(offer && !offer.intervention ? 'local' : 'menu');
  const [interventionKey, setInterventionKey] = useState(offer?.intervention?.key ?? '');
  const [activityName, setActivityName] = useState(offer?.activityName ?? '');
  const [municipalityCode, setMunicipalityCode] = useState(offer?.municipalityCode ?? '');
  const [serviceId, setServiceId] = useState(offer?.service.id ?? '');
  const [capacity, setCapacity] = useState(offer?.capacityPerYear === null || !offer ? '' : String(offer.capacityPerYear));
  const [waiting, setWaiting] = useState(offer?.waitingWeeks === null || !offer ? '' : String(offer.waitingWeeks));
  const [fundingRoute, setFundingRoute] = useState<string>(offer?.fundingRoute ?? '');
  const [since, setSince] = useState(offer?.since ?? '');
  const [until, setUntil] = useState(offer?.until ?? '');
  const [note, setNote] = useState(offer?.note ?? '');
  // One idempotency key per opened form: a double click records one offer.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const menu = useAsync(() => interventionMenuApi.list({ pageSize: 200, sorteer: 'name' }), []);
  const services = useAsync(() => localOfferApi.services(), []);
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);
  const form = useForm<Field>({
    interventionKey: kind === 'menu' ? 'offer-intervention' : 'offer-activity',
    activityName: 'offer-activity',
    serviceId: 'offer-service',
    municipalityCode: 'offer-area',
    capacityPerYear: 'offer-capacity',
    waitingWeeks: 'offer-waiting',
    fundingRoute: 'offer-funding',
    since: 'offer-since',
    until: 'offer-until',
    note: 'offer-note',
  });
  const nameOf = (code: string) => municipalities.data?.find((municipality) => municipality.code === code)?.name ?? code;
  const area = municipalityCode ? [municipalityCode] : coalition.municipalityCodes;
  const serviceOptions = (services.data?.items ?? [])
    .filter((service) => service.id === serviceId || service.municipalityCodes.some((code) => area.includes(code)))
    .map((service) => ({
      value: service.id,
      label: `${service.name} (${service.providerName})${service.verification === 'overdue' ? ` — ${t.notRecentlyChecked}` : ''}`,
    }));

  const body = (): LocalOfferCreate => ({
    interventionKey: kind === 'menu' ? interventionKey || null : null,
    activityName: kind === 'local' ? activityName.trim() || null : null,
    serviceId,
    municipalityCode: municipalityCode || null,
    capacityPerYear: wholeNumber(capacity),
    waitingWeeks: wholeNumber(waiting),
    fundingRoute: fundingRoute as FundingRoute,
    since,
    until: until || null,
    note: note.trim() || null,
  });
  const check = () => ({
    ...(kind === 'menu' && !interventionKey ? { interventionKey: m.validation.required } : {}),
    ...(kind === 'local' && !activityName.trim() ? { activityName: m.validation.required } : {}),
    ...(serviceId === '' ? { serviceId: t.errorChooseService } : {}),
    ...(fundingRoute === '' ? { fundingRoute: t.errorFundingRoute } : {}),
    ...(since === '' ? { since: m.validation.required } : {}),
  });
  const submit = form.submitWith(check, async () => {
    const saved = offer
      ? await localOfferApi.update(coalition.code, offer.id, { ...body(), version: offer.version })
      : await localOfferApi.create(coalition.code, { ...body(), idempotencyKey });
    onSaved(saved, offer === null);
  });

  return (
    <Panel id="offer-editor" title={offer ? format(t.editTitle, { name: offer.name }) : t.addTitle} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{
          interventionKey: kind === 'menu' ? t.intervention : t.activityName,
          activityName: t.activityName,
          serviceId: t.service,
          municipalityCode: t.area,
          capacityPerYear: t.capacityPerYear,
          waitingWeeks: t.waitingWeeks,
          fundingRoute: t.fundingRoute,
          since: t.since,
          until: t.until,
          note: t.note,
        }}
      />
      <Form onSubmit={submit}>
        <SelectField
          id="offer-kind"
          label={t.offerKind}
          value={kind}
          onValueChange={(value) => setKind(value === 'local' ? 'local' : 'menu')}
          options={[
            { value: 'menu', label: t.offerKindMenu },
            { value: 'local', label: t.offerKindLocal },
          ]}
        />
        {kind === 'menu' ? (
          <SelectField
            id="offer-intervention"
            label={t.intervention}
            value={interventionKey}
            onValueChange={setInterventionKey}
            emptyOption={m.shell.choose}
            options={(menu.data?.items ?? []).map((item) => ({ value: item.key, label: item.name }))}
            error={form.errors.interventionKey}
          />
        ) : (
          <TextField id="offer-activity" label={t.activityName} value={activityName} onValueChange={setActivityName} error={form.errors.activityName ?? form.errors.interventionKey} />
        )}
        <SelectField
          id="offer-area"
          label={t.area}
          value={municipalityCode}
          onValueChange={setMunicipalityCode}
          options={[{ value: '', label: t.wholeCoalition }, ...coalition.municipalityCodes.map((code) => ({ value: code, label: nameOf(code) }))]}
          error={form.errors.municipalityCode}
        />
        <SelectField
          id="offer-service"
          label={t.service}
          description={t.serviceDescription}
          value={serviceId}
          onValueChange={setServiceId}
          emptyOption={m.shell.choose}
          options={serviceOptions}
          error={form.errors.serviceId}
        />
        <TextField id="offer-capacity" label={t.capacityPerYear} value={capacity} onValueChange={setCapacity} inputMode="numeric" error={form.errors.capacityPerYear} isOptional />
        <TextField id="offer-waiting" label={t.waitingWeeks} value={waiting} onValueChange={setWaiting} inputMode="numeric" error={form.errors.waitingWeeks} isOptional />
        <SelectField
          id="offer-funding"
          label={t.fundingRoute}
          value={fundingRoute}
          onValueChange={setFundingRoute}
          emptyOption={m.shell.choose}
          options={FUNDING_ROUTES.map((route) => ({ value: route, label: m.interventionFundingRoutes[route] }))}
          error={form.errors.fundingRoute}
        />
        <TextField id="offer-since" label={t.since} type="date" value={since} onValueChange={setSince} error={form.errors.since} />
        <TextField id="offer-until" label={t.until} type="date" value={until} onValueChange={setUntil} error={form.errors.until} isOptional />
        <TextAreaField id="offer-note" label={t.note} value={note} onValueChange={setNote} rows={3} error={form.errors.note} isOptional />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function RemovePanel({ code, offer, onDone, onClose }: { code: string; offer: LocalOffer; onDone(): void; onClose(): void }) {
  const { m, format } = useMessages();
  const t = m.localOffer;
  const form = useForm({});
  const submit = form.submitWith(
    () => ({}),
    async () => {
      await localOfferApi.remove(code, offer.id);
      onDone();
    },
  );
  return (
    <Panel id="offer-remove" title={`${t.remove}: ${offer.name}`} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{}} />
      <Paragraph>{format(t.removeConfirm, { name: offer.name })}</Paragraph>
      <Form onSubmit={submit}>
        <FormButtons submitLabel={t.remove} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}
