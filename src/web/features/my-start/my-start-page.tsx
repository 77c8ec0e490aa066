// SPDX-License-Identifier: EUPL-1.2
// Mijn Kansrijke Start: my children (a tile each), who helps me, my appointments, my referrals,
// referrals that wait for my consent (what giving it means, in plain words, and give it), my consents
// (withdraw at once), a link to who looked at my file, and a copy of my data (a ZIP with a PDF and
// FHIR); logging out here or everywhere. A partner has no file of their own here: they see their children only.
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, downloadBlob } from '../../api/client.js';
import { Confirmation } from '../../components/confirmation.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ConfirmPanel } from '../../components/confirm-panel.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Button, ButtonGroup, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { COPY_FILE_NAME, myStartApi, type MyStart } from './api.js';
import { MyChildrenSection } from './my-children-section.js';
import { isSessionEnd, useParentSession } from './parent-area.js';

type Consent = MyStart['consents'][number];
type AwaitingReferral = MyStart['awaitingConsent'][number];

function failureText(m: Messages['m'], error: unknown): string {
  if (error instanceof ApiError) return error.code === 'already_processed' ? m.myStart.alreadyWithdrawn : m.errors[error.code] ?? m.errors.internal;
  return m.errors.internal;
}

/** One part of the page: a section named by its heading. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="kr-section" aria-labelledby={`${id}-title`}>
      <Heading level={2} id={`${id}-title`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export default function MyStartPage() {
  const { m, format } = useMessages();
  const session = useParentSession();
  const navigate = useNavigate();
  // A partner has no file of their own here: only their children.
  const familyId = session.familyIds[0];
  const [message, setMessage] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const text = m.myStart;
  const confirm = (sentence: string) => {
    setMessage(sentence);
    setFocusKey((key) => key + 1);
  };
  const logout = async (everywhere: boolean) => {
    await myStartApi.logout(everywhere).catch(() => undefined);
    navigate('/mijn/inloggen?uit=1');
  };
  return (
    <Page title={text.title} intro={`${format(text.greeting, { name: session.givenName })} ${familyId ? text.intro : text.introNoOwnFile}`}>
      <Confirmation text={message} focusKey={focusKey} />
      <MyChildrenSection />
      {familyId ? <OwnFile familyId={familyId} confirm={confirm} /> : null}
      <ButtonGroup>
        <Button onClick={() => logout(false)}>{text.logout}</Button>
        <Button onClick={() => logout(true)}>{text.logoutEverywhere}</Button>
      </ButtonGroup>
    </Page>
  );
}

/** The parent's own file: who helps, appointments, referrals, consents, who looked, a copy. */
function OwnFile({ familyId, confirm }: { familyId: string; confirm: (sentence: string) => void }) {
  const { m, format, formatDate } = useMessages();
  const navigate = useNavigate();
  const state = useAsync(() => myStartApi.overview(familyId), [familyId]);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [copyError, setCopyError] = useState<string | null>(null);
  const [isCopying, setIsCopying] = useState(false);
  const [giving, setGiving] = useState<string | null>(null);
  const [giveError, setGiveError] = useState<string | null>(null);
  const text = m.myStart;

  const onSessionEnd = (error: unknown) => {
    if (isSessionEnd(error)) navigate('/mijn/inloggen?uit=1');
  };
  useEffect(() => {
    if (state.error && isSessionEnd(state.error)) navigate('/mijn/inloggen?uit=1');
  }, [state.error, navigate]);

  const downloadCopy = async () => {
    if (isCopying) return;
    setIsCopying(true);
    setCopyError(null);
    try {
      downloadBlob(await myStartApi.copy(familyId), COPY_FILE_NAME);
      confirm(format(text.copyDone, { fileName: COPY_FILE_NAME }));
    } catch (error) {
      onSessionEnd(error);
      setCopyError(failureText(m, error));
    } finally {
      setIsCopying(false);
    }
  };

  const giveConsent = async (referral: AwaitingReferral) => {
    if (giving) return;
    setGiving(referral.id);
    setGiveError(null);
    try {
      await myStartApi.giveConsent(familyId, referral.id);
      confirm(format(text.giveDone, { organisation: referral.receiverOrganisationName }));
      state.reload();
    } catch (error) {
      onSessionEnd(error);
      setGiveError(error instanceof ApiError && error.code === 'already_processed' ? text.notAwaiting : failureText(m, error));
      state.reload();
    } finally {
      setGiving(null);
    }
  };

  const consentColumns: Column<Consent>[] = [
    { key: 'receiver', header: text.columnReceiver, cell: (row) => row.receiverOrganisationName },
    { key: 'validity', header: text.columnValidity, cell: (row) => format(text.validity, { from: formatDate(row.givenOn), until: formatDate(row.validUntil) }) },
    { key: 'status', header: text.columnStatus, cell: (row) => m.consentStatuses[row.status] },
    {
      key: 'actions',
      header: text.columnActions,
      cell: (row) =>
        row.status === 'withdrawn' ? (
          ''
        ) : (
          <Button variant="subtle" onClick={() => setWithdrawing(row)} aria-label={format(text.withdrawLabel, { organisation: row.receiverOrganisationName })}>
            {text.withdraw}
          </Button>
        ),
      csv: () => '',
    },
  ];

  return (
    <>
      <AsyncContent state={state}>
        {(data) => (
          <>
            <Section id="helpers" title={text.helpersTitle}>
              {data.helpers.length === 0 ? (
                <Paragraph>{text.helpersEmpty}</Paragraph>
              ) : (
                <ul className="kr-my-start-list">
                  {data.helpers.map((helper) => (
                    <li key={helper.organisationId}>
                      {helper.organisationName} ({format(text.helperSince, { date: formatDate(helper.since.slice(0, 10)) })})
                    </li>
                  ))}
                </ul>
              )}
            </Section>

            <Section id="appointments" title={text.appointmentsTitle}>
              <DataTable
                caption={text.appointmentsTitle}
                csvName="mijn-afspraken"
                rows={data.appointments}
                rowKey={(row) => row.id}
                columns={[
                  { key: 'date', header: text.columnDate, cell: (row) => formatDate(row.plannedOn), csv: (row) => row.plannedOn },
                  { key: 'what', header: text.columnAppointment, cell: (row) => format(text.appointmentHomeVisit, { organisation: row.organisationName }) },
                ]}
              />
            </Section>

            <Section id="referrals" title={text.referralsTitle}>
              <DataTable
                caption={text.referralsTitle}
                csvName="mijn-verwijzingen"
                rows={data.referrals}
                rowKey={(row) => row.id}
                columns={[
                  { key: 'from', header: text.columnFrom, cell: (row) => row.senderOrganisationName },
                  { key: 'to', header: text.columnTo, cell: (row) => row.receiverOrganisationName },
                  { key: 'status', header: text.columnStatus, cell: (row) => m.referralStatuses[row.status] },
                  { key: 'since', header: text.columnSince, cell: (row) => (row.requestedAt ? formatDate(row.requestedAt.slice(0, 10)) : ''), csv: (row) => row.requestedAt },
                ]}
              />
            </Section>

            {data.awaitingConsent.length > 0 || giveError ? (
              <Section id="awaiting" title={text.awaitingTitle}>
                <Paragraph>{text.awaitingIntro}</Paragraph>
                {giveError ? <Alert type="error">{giveError}</Alert> : null}
                {data.awaitingConsent.map((referral) => {
                  const names = { sender: referral.senderOrganisationName, receiver: referral.receiverOrganisationName };
                  return (
                    <article key={referral.id} aria-labelledby={`awaiting-${referral.id}`}>
                      <Heading level={3} id={`awaiting-${referral.id}`}>
                        {format(text.awaitingAsk, names)}
                      </Heading>
                      <Paragraph>{format(text.awaitingMeaning, names)}</Paragraph>
                      <ul className="kr-my-start-list">
                        {referral.dataCategories.map((category) => (
                          <li key={category}>{m.consentDataCategories[category]}</li>
                        ))}
                      </ul>
                      <Paragraph>{format(text.awaitingAfter, names)}</Paragraph>
                      <Paragraph>{text.awaitingNo}</Paragraph>
                      <Button
                        variant="primary"
                        onClick={() => giveConsent(referral)}
                        disabled={giving !== null}
                        aria-busy={giving === referral.id}
                        aria-label={format(text.giveLabel, { organisation: referral.receiverOrganisationName })}
                      >
                        {text.give}
                      </Button>
                    </article>
                  );
                })}
              </Section>
            ) : null}

            <Section id="consents" title={text.consentsTitle}>
              <Paragraph>{text.consentsIntro}</Paragraph>
              {withdrawing ? (
                <ConfirmPanel
                  id="withdraw-panel"
                  title={format(text.withdrawLabel, { organisation: withdrawing.receiverOrganisationName })}
                  question={format(text.withdrawConfirm, { organisation: withdrawing.receiverOrganisationName })}
                  submitLabel={text.withdraw}
                  action={() => myStartApi.withdraw(familyId, withdrawing.id)}
                  onClose={() => setWithdrawing(null)}
                  onDone={() => {
                    setWithdrawing(null);
                    confirm(format(text.withdrawDone, { organisation: withdrawing.receiverOrganisationName }));
                    state.reload();
                  }}
                  describeError={(failure) => {
                    onSessionEnd(failure);
                    return failureText(m, failure);
                  }}
                />
              ) : null}
              <DataTable caption={text.consentsTitle} csvName="mijn-toestemmingen" rows={data.consents} rowKey={(row) => row.id} columns={consentColumns} />
            </Section>
          </>
        )}
      </AsyncContent>

      <Section id="access" title={text.accessLogTitle}>
        <Paragraph>
          <Link to="/mijn/inzage">{text.accessLogLink}</Link>
        </Paragraph>
      </Section>

      <Section id="copy" title={text.copyTitle}>
        <Paragraph>{text.copyIntro}</Paragraph>
        {copyError ? <Alert type="error">{copyError}</Alert> : null}
        <Button variant="primary" onClick={downloadCopy} disabled={isCopying} aria-busy={isCopying}>
          {isCopying ? text.copyBusy : text.copyButton}
        </Button>
      </Section>
    </>
  );
}
