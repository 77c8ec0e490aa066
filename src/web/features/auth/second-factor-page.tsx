// SPDX-License-Identifier: EUPL-1.2
// Second login step: a TOTP code from the app, or a single-use recovery code.
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { authApi } from '../../api/endpoints.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { TextField } from '../../components/fields.js';
import { Loading, Page } from '../../components/page.js';
import { useMessages } from '../../i18n/messages.js';
import { pathForStage, useSession } from '../../session/session.js';
import type { LoginState } from './login-page.js';

export default function SecondFactorPage() {
  const { m } = useMessages();
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as LoginState;
  const [code, setCode] = useState('');
  const form = useForm({ code: 'code' }, { fieldForCode: { second_factor_invalid: 'code' } });

  if (session === undefined) return <Loading />;
  if (session === null) return <Navigate to="/inloggen" replace />;
  if (session.stage !== 'second_factor') return <Navigate to={pathForStage(session)} replace />;

  const submit = form.submitWith(
    () => {
      const trimmed = code.trim();
      if (trimmed === '') return { code: m.twoFactor.codeRequired };
      if (trimmed.length < 6 || trimmed.length > 32) return { code: m.twoFactor.codeFormat };
      return {};
    },
    async () => {
      const next = await authApi.secondFactor(code.trim());
      setSession(next);
      navigate(next.stage === 'active' ? (state.returnTo ?? '/') : pathForStage(next), { replace: true });
    },
  );

  return (
    <Page title={m.twoFactor.codeTitle} intro={m.twoFactor.codeIntro}>
      <ErrorSummary {...form.summary} labels={{ code: m.twoFactor.codeLabel }} />
      <Form onSubmit={submit}>
        <TextField
          id="code"
          label={m.twoFactor.codeLabel}
          description={m.twoFactor.codeDescription}
          autoComplete="one-time-code"
          inputMode="text"
          value={code}
          onValueChange={setCode}
          error={form.errors.code}
          spellCheck={false}
        />
        <FormButtons submitLabel={m.twoFactor.codeSubmit} isSubmitting={form.isSubmitting} />
      </Form>
    </Page>
  );
}
