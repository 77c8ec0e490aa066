// SPDX-License-Identifier: EUPL-1.2
// Own account: details, password change, where one is logged in (end one or all sessions), 2FA re-enrolment.
import { useState } from 'react';
import { authApi, type SessionListItem } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Button, ButtonLink, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import { MIN_PASSWORD_LENGTH } from '../auth/invitation-page.js';
import { Confirmation } from '../../components/confirmation.js';

export default function AccountPage() {
  const { m } = useMessages();
  const { session } = useSession();
  if (!session) return null;
  return (
    <Page title={m.account.title}>
      <section className="kr-section" aria-labelledby="profile-title">
        <Heading level={2} id="profile-title">
          {m.account.profileTitle}
        </Heading>
        <dl className="kr-details">
          <dt>{m.account.name}</dt>
          <dd>{session.person.name}</dd>
          <dt>{m.account.email}</dt>
          <dd>{session.person.email}</dd>
          <dt>{m.account.organisations}</dt>
          <dd>
            <ul>
              {session.organisations.map((organisation) => (
                <li key={organisation.id}>
                  {organisation.name}: {organisation.roles.map((role) => m.roles[role]).join(', ')}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>
      <section className="kr-section" aria-labelledby="notifications-title">
        <Heading level={2} id="notifications-title">
          {m.notifications.preferencesTitle}
        </Heading>
        <Paragraph>{m.notifications.preferencesIntro}</Paragraph>
        <ButtonLink to="/account/meldingen" variant="secondary">
          {m.notifications.preferencesLink}
        </ButtonLink>
      </section>
      <PasswordSection />
      <SessionsSection />
      <section className="kr-section" aria-labelledby="two-factor-title">
        <Heading level={2} id="two-factor-title">
          {m.account.twoFactorTitle}
        </Heading>
        <Paragraph>{session.hasTwoFactor ? m.account.twoFactorOn : m.account.twoFactorOff}</Paragraph>
        <Paragraph>{m.account.twoFactorReenrolText}</Paragraph>
        <ButtonLink to="/inloggen/2fa-instellen" variant="secondary">
          {session.hasTwoFactor ? m.account.twoFactorReenrol : m.account.twoFactorEnrol}
        </ButtonLink>
      </section>
    </Page>
  );
}

function PasswordSection() {
  const { m } = useMessages();
  const { session } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [isChanged, setIsChanged] = useState(false);
  const form = useForm(
    { currentPassword: 'current-password', newPassword: 'new-password', repeat: 'repeat-password' },
    { fieldForCode: { password_policy: 'newPassword', invalid_credentials: 'currentPassword' } },
  );
  const submit = form.submitWith(
    () => ({
      ...(current === '' ? { currentPassword: m.validation.required } : {}),
      ...(next.length < MIN_PASSWORD_LENGTH ? { newPassword: m.invitation.passwordTooShort } : {}),
      ...(repeat !== next ? { repeat: m.invitation.passwordMismatch } : {}),
    }),
    async () => {
      setIsChanged(false);
      await authApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setIsChanged(true);
    },
  );
  return (
    <section className="kr-section" aria-labelledby="password-title">
      <Heading level={2} id="password-title">
        {m.account.passwordTitle}
      </Heading>
      <Confirmation text={isChanged ? m.account.passwordChanged : null} />
      <ErrorSummary
        {...form.summary}
        labels={{ currentPassword: m.account.currentPassword, newPassword: m.account.newPassword, repeat: m.account.repeatPassword }}
      />
      <Form onSubmit={submit}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" autoComplete="username" value={session?.person.email ?? ''} readOnly hidden />
        <TextField id="current-password" label={m.account.currentPassword} type="password" autoComplete="current-password" value={current} onValueChange={setCurrent} error={form.errors.currentPassword} />
        <TextField
          id="new-password"
          label={m.account.newPassword}
          description={m.invitation.passwordPolicy}
          type="password"
          autoComplete="new-password"
          value={next}
          onValueChange={setNext}
          error={form.errors.newPassword}
        />
        <TextField id="repeat-password" label={m.account.repeatPassword} type="password" autoComplete="new-password" value={repeat} onValueChange={setRepeat} error={form.errors.repeat} />
        <FormButtons submitLabel={m.account.changePassword} isSubmitting={form.isSubmitting} />
      </Form>
    </section>
  );
}

/** A short browser name from the user agent, enough to recognise one's own devices. */
function browserName(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const match = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(userAgent);
  const os = /(Windows|Mac OS X|Android|iPhone|Linux)/.exec(userAgent)?.[1];
  return [match?.[0]?.replace('Edg/', 'Edge/') ?? unknown, os].filter(Boolean).join(', ');
}

function SessionsSection() {
  const { m, format, formatDateTime } = useMessages();
  const { endSession } = useSession();
  const sessions = useAsync(() => authApi.sessions(), []);
  const [message, setMessage] = useState<string | null>(null);
  const end = async (item: SessionListItem) => {
    await authApi.endSession(item.id);
    setMessage(m.account.sessionLoggedOut);
    sessions.reload();
  };
  const logoutEverywhere = async () => {
    await authApi.logoutEverywhere().catch(() => undefined);
    endSession('logged_out');
  };
  const columns: Column<SessionListItem>[] = [
    { key: 'created', header: m.account.sessionStarted, cell: (row) => formatDateTime(row.createdAt), csv: (row) => row.createdAt },
    { key: 'seen', header: m.account.sessionLastSeen, cell: (row) => formatDateTime(row.lastSeenAt), csv: (row) => row.lastSeenAt },
    { key: 'device', header: m.account.sessionDevice, cell: (row) => browserName(row.userAgent, m.account.unknown) },
    { key: 'ip', header: m.account.sessionIp, cell: (row) => row.sourceIp ?? m.account.unknown },
    {
      key: 'action',
      header: m.shell.actions,
      cell: (row) =>
        row.isCurrent ? (
          m.account.sessionCurrent
        ) : (
          <Button variant="subtle" onClick={() => end(row)} aria-label={format(m.account.sessionLogoutLabel, { date: formatDateTime(row.createdAt) })}>
            {m.account.sessionLogout}
          </Button>
        ),
      csv: (row) => (row.isCurrent ? m.account.sessionCurrent : ''),
    },
  ];
  return (
    <section className="kr-section" aria-labelledby="sessions-title">
      <Heading level={2} id="sessions-title">
        {m.account.sessionsTitle}
      </Heading>
      <Confirmation text={message} />
      <AsyncContent state={sessions}>
        {(rows) => <DataTable caption={m.account.sessionsCaption} columns={columns} rows={rows} rowKey={(row) => row.id} csvName="sessies" />}
      </AsyncContent>
      <Paragraph>{m.account.logoutEverywhereText}</Paragraph>
      <Button hint="danger" onClick={logoutEverywhere}>
        {m.account.logoutEverywhere}
      </Button>
    </section>
  );
}
