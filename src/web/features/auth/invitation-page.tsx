// SPDX-License-Identifier: EUPL-1.2
// Accepting an invitation: choose a password (policy explained up front), then enrol 2FA if the roles need it.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { invitationApi } from '../../api/endpoints.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { pathForStage, useSession } from '../../session/session.js';

export const MIN_PASSWORD_LENGTH = 12;

export default function InvitationPage() {
  const { m, format } = useMessages();
  const { token = '' } = useParams();
  const { setSession, refresh } = useSession();
  const navigate = useNavigate();
  const invitation = useAsync(() => invitationApi.info(token), [token]);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const form = useForm({ password: 'password', repeat: 'password-repeat' }, { fieldForCode: { password_policy: 'password' } });

  const submit = form.submitWith(
    () => ({
      ...(password.length < MIN_PASSWORD_LENGTH ? { password: m.invitation.passwordTooShort } : {}),
      ...(repeat !== password ? { repeat: m.invitation.passwordMismatch } : {}),
    }),
    async () => {
      const accepted = await invitationApi.accept(token, password);
      // The server logs the person in (stage enrolment or active); otherwise they log in themselves.
      const next = accepted && 'stage' in accepted ? accepted : await refresh();
      if (next) {
        setSession(next);
        navigate(pathForStage(next), { replace: true });
      } else {
        navigate('/inloggen', { replace: true, state: { reason: 'password_set' } });
      }
    },
  );

  return (
    <Page title={m.invitation.title}>
      <AsyncContent state={invitation}>
        {(info) => (
          <>
            <Paragraph appearance="lead">{format(m.invitation.intro, { name: info.name, email: info.email })}</Paragraph>
            <ErrorSummary
              {...form.summary}
              labels={{ password: m.invitation.password, repeat: m.invitation.passwordRepeat }}
            />
            <Form onSubmit={submit}>
              {/* A hidden username helps password managers store the new password with the right account. */}
              <input type="email" autoComplete="username" value={info.email} readOnly hidden />
              <TextField
                id="password"
                label={m.invitation.password}
                description={m.invitation.passwordPolicy}
                type="password"
                autoComplete="new-password"
                value={password}
                onValueChange={setPassword}
                error={form.errors.password}
              />
              <TextField
                id="password-repeat"
                label={m.invitation.passwordRepeat}
                type="password"
                autoComplete="new-password"
                value={repeat}
                onValueChange={setRepeat}
                error={form.errors.repeat}
              />
              <FormButtons submitLabel={m.invitation.submit} isSubmitting={form.isSubmitting} />
            </Form>
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
