// SPDX-License-Identifier: EUPL-1.2
// One referral. The receiver reads what was shared and takes the next step (receive, accept, reject
// with reason, start, complete with outcome, hold/resume, assign to me, forward); the sender follows
// status, outcome and history (and may withdraw it while it is not accepted yet).
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { organisationApi } from '../../api/endpoints.js';
import { SelectField, TextAreaField } from '../../components/fields.js';
import { Form, FormButtons } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { referralApi, type Consent, type Referral, type ReferralTransition } from './api.js';
import { LegalBasisFields, type ReferralBasis } from './legal-basis-fields.js';
import { errorText, FlaggedBadge, OverdueBadge, statusText } from './parts.js';
import { Confirmation } from '../../components/confirmation.js';

type Event = ReferralTransition['event'];
type Dialog = 'reject' | 'cancel' | 'hold' | 'complete' | 'forward' | null;

const SIMPLE_EVENTS = ['receive', 'accept', 'start', 'resume', 'assign'] as const;
const DIALOGS = ['reject', 'hold', 'forward', 'complete', 'cancel'] as const;

/** The steps the server says this person may take now (access policy and state machine), in a fixed order. */
function stepsFor(referral: Referral): { simple: Event[]; dialogs: Exclude<Dialog, null>[] } {
  const allowed = new Set<string>(referral.allowedActions);
  return { simple: SIMPLE_EVENTS.filter((event) => allowed.has(event)), dialogs: DIALOGS.filter((dialog) => allowed.has(dialog)) };
}

const SIMPLE_LABEL: Record<string, (m: Messages['m']) => string> = {
  receive: (m) => m.referrals.actionReceive,
  accept: (m) => m.referrals.actionAccept,
  start: (m) => m.referrals.actionStart,
  resume: (m) => m.referrals.actionResume,
  assign: (m) => m.referrals.actionAssign,
};

const DIALOG_LABEL: Record<Exclude<Dialog, null>, (m: Messages['m']) => string> = {
  reject: (m) => m.referrals.actionReject,
  cancel: (m) => m.referrals.actionCancel,
  hold: (m) => m.referrals.actionHold,
  complete: (m) => m.referrals.actionComplete,
  forward: (m) => m.referrals.actionForward,
};

function lastDay(respondBy: string): string {
  return new Date(new Date(respondBy).getTime() - 1).toISOString();
}

export default function ReferralDetailPage() {
  const { referralId = '' } = useParams();
  const state = useAsync(() => referralApi.get(referralId), [referralId]);
  return (
    <AsyncContent state={state}>
      {(referral) => <ReferralView key={`${referral.id}-${referral.version}`} referral={referral} onChanged={state.reload} />}
    </AsyncContent>
  );
}

function ReferralView({ referral, onChanged }: { referral: Referral; onChanged(): void }) {
  const { m, format, formatDate, formatDateTime } = useMessages();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<{ text: string; canReload: boolean } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const steps = stepsFor(referral);

  const run = async (action: () => Promise<string>) => {
    if (isBusy) return;
    setIsBusy(true);
    setFailure(null);
    try {
      const done = await action();
      setDialog(null);
      // Every step gives the referral a new version, so the view remounts after the reload and shows
      // the confirmation then (and focuses it once). Showing it here too would focus it twice, with
      // focus dropping to <body> in between when the old view unmounts.
      sessionStorage.setItem('kr-referral-message', done);
      onChanged();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'internal';
      setFailure({ text: errorText(m, error), canReload: code === 'stale_version' || code === 'already_processed' });
    } finally {
      setIsBusy(false);
    }
  };

  const step = (body: Omit<ReferralTransition, 'version'>) =>
    run(async () => {
      const next = await referralApi.transition(referral.id, { ...body, version: referral.version });
      return body.event === 'assign' ? m.referrals.assigned : format(m.referrals.stepDone, { status: statusText(m, next.status, next.outcome) });
    });

  // A message from the step before the reload (the view remounts on a new version).
  const [flash] = useState(() => {
    const stored = sessionStorage.getItem('kr-referral-message');
    sessionStorage.removeItem('kr-referral-message');
    return stored;
  });

  return (
    <Page title={format(m.referrals.detailTitle, { receiver: referral.receiver.organisationName })}>
      <Confirmation text={flash} />
      {failure ? (
        <Alert type="error">
          <Paragraph>{failure.text}</Paragraph>
          {failure.canReload ? <Button onClick={onChanged}>{m.referrals.reload}</Button> : null}
        </Alert>
      ) : null}
      {referral.isOverdue && referral.respondBy ? (
        <Alert type="warning">{format(m.referrals.overdueNotice, { date: formatDate(lastDay(referral.respondBy)) })}</Alert>
      ) : null}
      {referral.legalGround ? (
        <Alert type="warning">
          <Paragraph>
            {format(m.referrals.legalGroundNotice, { ground: m.referralLegalGrounds[referral.legalGround as keyof Messages['m']['referralLegalGrounds']] ?? referral.legalGround })}
          </Paragraph>
          {referral.justification ? (
            <Paragraph>
              <strong>{m.referrals.justificationLabel}:</strong> {referral.justification}
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {referral.role === 'sender' ? <Paragraph>{m.referrals.senderNotice}</Paragraph> : null}

      <dl className="kr-details">
        <dt>{m.referrals.statusLabel}</dt>
        <dd>
          {statusText(m, referral.status, referral.outcome)}
          {referral.isOverdue ? <OverdueBadge /> : null}
          {referral.isFlaggedForReview ? <FlaggedBadge /> : null}
        </dd>
        {referral.statusReason ? (
          <>
            <dt>{m.referrals.statusReasonLabel}</dt>
            <dd>{referral.statusReason}</dd>
          </>
        ) : null}
        <dt>{m.referrals.columnSender}</dt>
        <dd>
          {format(m.referrals.sentBy, {
            person: referral.sender.personName,
            organisation: referral.sender.organisationName,
            date: referral.requestedAt ? formatDate(referral.requestedAt) : '',
          })}
        </dd>
        <dt>{m.referrals.columnReceiver}</dt>
        <dd>{referral.receiver.organisationName}</dd>
        <dt>{m.referrals.columnMunicipality}</dt>
        <dd>{referral.municipalityName}</dd>
        {referral.respondBy ? (
          <>
            <dt>{m.referrals.columnRespondBy}</dt>
            <dd>{formatDate(lastDay(referral.respondBy))}</dd>
          </>
        ) : null}
        <dt>{m.referrals.assignedTo}</dt>
        <dd>{referral.assignedTo?.name ?? m.referrals.notAssigned}</dd>
        <dt>{m.referrals.reason}</dt>
        <dd>{referral.reason ?? m.referrals.notShared}</dd>
        <dt>{m.referrals.factors}</dt>
        <dd>
          {referral.factorKeys.length === 0 ? (
            m.referrals.noFactors
          ) : (
            <ul>
              {referral.factorKeys.map((key) => (
                <li key={key}>{FACTOR_CATALOGUE.get(key)?.riskLabel ?? key}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      {referral.allowedActions.includes('open_file') ? (
        // The server says this person may open the client's file now (the receiver once it accepted).
        <Paragraph>
          <Link to={`/clienten/${referral.familyId}`}>{m.referrals.openFile}</Link>
        </Paragraph>
      ) : null}
      {referral.role === 'receiver' && referral.client ? <SharedClientSection referral={referral} /> : null}

      {steps.simple.length + steps.dialogs.length > 0 ? (
        <section className="kr-section" aria-labelledby="actions-title">
          <Heading level={2} id="actions-title">
            {m.referrals.actionsTitle}
          </Heading>
          <div className="kr-referral-actions">
            {steps.simple.map((event) => (
              <Button key={event} variant={event === 'accept' ? 'primary' : 'secondary'} busy={isBusy} onClick={() => step({ event })}>
                {SIMPLE_LABEL[event]!(m)}
              </Button>
            ))}
            {steps.dialogs.map((kind) => (
              <Button key={kind} onClick={() => setDialog(kind)} aria-expanded={dialog === kind}>
                {DIALOG_LABEL[kind](m)}
              </Button>
            ))}
          </div>
          {dialog === 'reject' || dialog === 'cancel' || dialog === 'hold' ? (
            <ReasonDialog
              kind={dialog}
              isBusy={isBusy}
              onClose={() => setDialog(null)}
              onSubmit={(reason) => step({ event: dialog, reason })}
            />
          ) : null}
          {dialog === 'complete' ? (
            <CompleteDialog isBusy={isBusy} onClose={() => setDialog(null)} onSubmit={(outcome, note) => step({ event: 'complete', outcome, ...(note ? { note } : {}) })} />
          ) : null}
          {dialog === 'forward' ? (
            <ForwardDialog
              referral={referral}
              isBusy={isBusy}
              onClose={() => setDialog(null)}
              onSubmit={(body) =>
                run(async () => {
                  const result = await referralApi.forward(referral.id, { ...body, version: referral.version });
                  return format(m.referrals.forwarded, { organisation: result.forwarded.receiver.organisationName });
                })
              }
            />
          ) : null}
        </section>
      ) : null}

      <section className="kr-section" aria-labelledby="history-title">
        <Heading level={2} id="history-title">
          {m.referrals.historyTitle}
        </Heading>
        <Table>
          <TableCaption className="kr-visually-hidden">{m.referrals.historyCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{m.referrals.historyWhen}</TableHeaderCell>
              <TableHeaderCell scope="col">{m.referrals.historyStatus}</TableHeaderCell>
              <TableHeaderCell scope="col">{m.referrals.historyWho}</TableHeaderCell>
              <TableHeaderCell scope="col">{m.referrals.historyNote}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {referral.history.map((item, index) => (
              <TableRow key={index}>
                <TableCell>{formatDateTime(item.at)}</TableCell>
                <TableCell>{statusText(m, item.status, item.outcome)}</TableCell>
                <TableCell>{[item.actorName, item.organisationName].filter(Boolean).join(', ')}</TableCell>
                <TableCell>{item.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      {referral.chain.length > 0 ? (
        <section className="kr-section" aria-labelledby="chain-title">
          <Heading level={2} id="chain-title">
            {m.referrals.chainTitle}
          </Heading>
          <Paragraph>{m.referrals.chainIntro}</Paragraph>
          <Table>
            <TableCaption className="kr-visually-hidden">{m.referrals.chainCaption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{m.referrals.columnSender}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.referrals.columnReceiver}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.referrals.columnStatus}</TableHeaderCell>
                <TableHeaderCell scope="col">{m.referrals.columnRequestedAt}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {referral.chain.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>{item.senderOrganisationName}</TableCell>
                  <TableCell>
                    {item.isCurrent ? (
                      `${item.receiverOrganisationName} ${m.referrals.chainCurrent}`
                    ) : item.mayOpen ? (
                      <Link to={`/verwijzingen/${item.id}`}>{item.receiverOrganisationName}</Link>
                    ) : (
                      item.receiverOrganisationName
                    )}
                  </TableCell>
                  <TableCell>{statusText(m, item.status, item.outcome)}</TableCell>
                  <TableCell>{item.requestedAt ? formatDate(item.requestedAt) : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
    </Page>
  );
}

function SharedClientSection({ referral }: { referral: Referral }) {
  const { m, formatDate } = useMessages();
  const client = referral.client!;
  const notShared = m.referrals.notShared;
  const channel = client.contactChannel ? (m.referralContactChannels[client.contactChannel as keyof Messages['m']['referralContactChannels']] ?? client.contactChannel) : notShared;
  return (
    <section className="kr-section" aria-labelledby="shared-title">
      <Heading level={2} id="shared-title">
        {m.referrals.sharedTitle}
      </Heading>
      <Paragraph>{m.referrals.sharedIntro}</Paragraph>
      <dl className="kr-details">
        <dt>{m.referrals.clientName}</dt>
        <dd>{client.name}</dd>
        <dt>{m.referrals.birthDate}</dt>
        <dd>{client.birthDate ? formatDate(client.birthDate) : notShared}</dd>
        <dt>{m.referrals.dueDate}</dt>
        <dd>{client.dueDate ? formatDate(client.dueDate) : notShared}</dd>
        <dt>{m.referrals.postcode}</dt>
        <dd>{client.postcode ?? notShared}</dd>
        <dt>{m.referrals.contactChannel}</dt>
        <dd>{channel}</dd>
        <dt>{m.referrals.contactLanguage}</dt>
        <dd>{client.contactLanguage ?? notShared}</dd>
        <dt>{m.referrals.doNotContact}</dt>
        <dd>{client.doNotContact ? m.app.yes : m.app.no}</dd>
        <dt>{m.referrals.phone}</dt>
        <dd>{client.phone ?? notShared}</dd>
        <dt>{m.referrals.email}</dt>
        <dd>{client.email ?? notShared}</dd>
      </dl>
    </section>
  );
}

function ReasonDialog({ kind, isBusy, onClose, onSubmit }: { kind: 'reject' | 'cancel' | 'hold'; isBusy: boolean; onClose(): void; onSubmit(reason: string): void }) {
  const { m } = useMessages();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const title = kind === 'reject' ? m.referrals.rejectTitle : kind === 'cancel' ? m.referrals.cancelTitle : m.referrals.holdTitle;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 10) {
      setError(m.referrals.reasonDescription);
      document.getElementById('step-reason')?.focus();
      return;
    }
    setError(undefined);
    onSubmit(reason.trim());
  };
  return (
    <Panel id="step-dialog" title={title} onClose={onClose}>
      <Form onSubmit={submit}>
        <TextAreaField rows={3} id="step-reason" label={m.referrals.reasonField} description={m.referrals.reasonDescription} value={reason} onValueChange={setReason} error={error} />
        <FormButtons submitLabel={m.referrals.confirm} isSubmitting={isBusy}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function CompleteDialog({ isBusy, onClose, onSubmit }: { isBusy: boolean; onClose(): void; onSubmit(outcome: 'got_help' | 'could_not_contact' | 'declined', note: string): void }) {
  const { m } = useMessages();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) {
      setError(m.validation.required);
      document.getElementById('step-outcome')?.focus();
      return;
    }
    onSubmit(outcome as 'got_help', note.trim());
  };
  return (
    <Panel id="step-dialog" title={m.referrals.completeTitle} onClose={onClose}>
      <Form onSubmit={submit}>
        <SelectField
          id="step-outcome"
          label={m.referrals.outcomeField}
          value={outcome}
          onValueChange={setOutcome}
          emptyOption={m.shell.choose}
          error={error}
          options={(['got_help', 'could_not_contact', 'declined'] as const).map((value) => ({ value, label: m.referralOutcomes[value] }))}
        />
        <TextAreaField rows={3} id="step-note" label={m.referrals.noteField} value={note} onValueChange={setNote} isOptional />
        <FormButtons submitLabel={m.referrals.confirm} isSubmitting={isBusy}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function ForwardDialog({
  referral,
  isBusy,
  onClose,
  onSubmit,
}: {
  referral: Referral;
  isBusy: boolean;
  onClose(): void;
  onSubmit(body: { toOrganisationId: string; reason: string; consentId?: string; legalGround?: string; justification?: string }): void;
}) {
  const { m } = useMessages();
  const { session } = useSession();
  const organisations = useAsync(() => organisationApi.list({ pageSize: 200 }), []);
  // The consents of the family (readable once accepted; before that only a legal ground can be chosen).
  const consents = useAsync(() => referralApi.consents(referral.familyId).catch((): Consent[] => []), [referral.familyId]);
  const [toOrganisationId, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState<ReferralBasis>('consent');
  const [consentId, setConsentId] = useState('');
  const [legalGround, setLegalGround] = useState('');
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const valid = (consents.data ?? []).filter((consent) => consent.status === 'valid' && consent.receiverOrganisationId === toOrganisationId && consent.purposes.includes('referral'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!toOrganisationId) next.to = m.validation.required;
    if (reason.trim().length < 10) next.reason = m.referrals.reasonDescription;
    if (basis === 'consent' && !consentId) next.consent = m.referrals.noValidConsent;
    if (basis === 'legal' && !legalGround) next.legalGround = m.validation.required;
    if (basis === 'legal' && justification.trim().length < 30) next.justification = m.referrals.justificationDescription;
    setErrors(next);
    const first = Object.keys(next)[0];
    if (first) {
      document.getElementById(`forward-${first}`)?.focus();
      return;
    }
    onSubmit({
      toOrganisationId,
      reason: reason.trim(),
      ...(basis === 'consent' ? { consentId } : { legalGround, justification: justification.trim() }),
    });
  };
  return (
    <Panel id="step-dialog" title={m.referrals.forwardTitle} onClose={onClose}>
      <Form onSubmit={submit}>
        <SelectField
          id="forward-to"
          label={m.referrals.receiver}
          value={toOrganisationId}
          onValueChange={(value) => {
            setTo(value);
            setConsentId('');
          }}
          emptyOption={m.shell.choose}
          error={errors.to}
          options={(organisations.data?.items ?? [])
            .filter((organisation) => organisation.isActive && organisation.id !== session?.organisation?.id && organisation.id !== referral.sender.organisationId)
            .map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        />
        <TextAreaField rows={3} id="forward-reason" label={m.referrals.reasonField} description={m.referrals.reasonDescription} value={reason} onValueChange={setReason} error={errors.reason} />
        <LegalBasisFields
          ids={{ basis: 'forward-basis', consent: 'forward-consent', legalGround: 'forward-legalGround', justification: 'forward-justification' }}
          basis={basis}
          onBasisChange={setBasis}
          consents={valid}
          isNoValidConsentShown={valid.length === 0}
          consentId={consentId}
          onConsentIdChange={setConsentId}
          legalGround={legalGround}
          onLegalGroundChange={setLegalGround}
          justification={justification}
          onJustificationChange={setJustification}
          errors={{ consent: errors.consent, legalGround: errors.legalGround, justification: errors.justification }}
        />
        <FormButtons submitLabel={m.referrals.actionForward} isSubmitting={isBusy}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}
