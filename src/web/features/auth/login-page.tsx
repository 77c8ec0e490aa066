// SPDX-License-Identifier: EUPL-1.2
// Login with e-mail and password (and OIDC when configured). Kept small: it is the first page most people load.
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { authApi } from '../../api/endpoints.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { TextField } from '../../components/fields.js';
import { Page, useAsync } from '../../components/page.js';
import { Alert, ExternalLink, Paragraph } from '../../components/ui.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { pathForStage, useSession } from '../../session/session.js';

export interface LoginState {
  reason?: string | null;
  returnTo?: string;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why the user is here, as a message: session ended, logged out, password just set. */
function reasonMessage(m: Messages['m'], reason: string | null | undefined) {
  if (reason === 'session_expired') return <Alert type="warning">{m.errors.session_expired}</Alert>;
  if (reason === 'unauthenticated') return <Alert type="info">{m.errors.unauthenticated}</Alert>;
  if (reason === 'logged_out') return <Alert type="ok">{m.login.loggedOut}</Alert>;
  if (reason === 'password_set') return <Alert type="ok">{m.login.passwordSet}</Alert>;
  return null;
}

export default function LoginPage() {
  const { m } = useMessages();
  const { session, setSession, endReason } = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const options = useAsync(() => authApi.options(), []);
  const form = useForm({ email: 'email', password: 'password' });

  if (session && session.stage === 'active') return <Navigate to={state.returnTo ?? '/'} replace />;

  const submit = form.submitWith(
    () => ({
      ...(email.trim() === '' ? { email: m.validation.required } : !EMAIL_PATTERN.test(email.trim()) ? { email: m.validation.email } : {}),
      ...(password === '' ? { password: m.validation.required } : {}),
    }),
    async () => {
      const next = await authApi.login(email.trim(), password);
      setPassword('');
      setSession(next);
      navigate(next.stage === 'active' ? (state.returnTo ?? '/') : pathForStage(next), { state: { returnTo: state.returnTo } });
    },
  );

  return (
    <Page title={m.login.title} intro={m.login.intro}>
      {reasonMessage(m, state.reason ?? endReason)}
      <ErrorSummary {...form.summary} labels={{ email: m.login.email, password: m.login.password }} />
      <Form onSubmit={submit}>
        <TextField
          id="email"
          label={m.login.email}
          type="email"
          autoComplete="username"
          value={email}
          onValueChange={setEmail}
          error={form.errors.email}
          spellCheck={false}
        />
        <TextField
          id="password"
          label={m.login.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onValueChange={setPassword}
          error={form.errors.password}
        />
        <FormButtons submitLabel={m.login.submit} isSubmitting={form.isSubmitting} />
      </Form>
      {options.data?.hasOidc ? (
        <>
          <Paragraph>{m.login.or}</Paragraph>
          <ExternalLink href={authApi.oidcStartUrl} className="utrecht-button-link utrecht-button-link--secondary-action">
            {m.login.oidc}
          </ExternalLink>
        </>
      ) : null}
      <Paragraph className="kr-help">{m.login.help}</Paragraph>
    </Page>
  );
}
