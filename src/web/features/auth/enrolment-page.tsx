// SPDX-License-Identifier: EUPL-1.2
// Enrol (or re-enrol) TOTP: QR code and key, confirm with a code, then show the recovery codes once.
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { authApi, type Enrolment as EnrolmentData, type SessionInfo } from '../../api/endpoints.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { TextField } from '../../components/fields.js';
import { AsyncContent, Loading, Page, useAsync } from '../../components/page.js';
import { Button, ButtonGroup, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';

export default function EnrolmentPage() {
  const { session } = useSession();
  if (session === undefined) return <Loading />;
  if (session === null) return <Navigate to="/inloggen" replace />;
  if (session.stage === 'second_factor') return <Navigate to="/inloggen/code" replace />;
  // Replacing an existing second factor: first the password and a current code (the server insists too).
  if (session.stage === 'active' && session.hasTwoFactor) return <ConfirmedEnrolment />;
  return <Enrolment start={() => authApi.startEnrolment()} />;
}

function ConfirmedEnrolment() {
  const { m } = useMessages();
  const { session } = useSession();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [enrolment, setEnrolment] = useState<EnrolmentData | null>(null);
  const form = useForm(
    { currentPassword: 'current-password', code: 'current-code' },
    { fieldForCode: { invalid_credentials: 'currentPassword', second_factor_invalid: 'code' } },
  );
  if (enrolment) return <Enrolment start={async () => enrolment} />;
  const submit = form.submitWith(
    () => ({
      ...(password === '' ? { currentPassword: m.twoFactor.passwordRequired } : {}),
      ...(code.trim() === '' ? { code: m.twoFactor.codeRequired } : {}),
    }),
    async () => setEnrolment(await authApi.startEnrolment({ currentPassword: password, code: code.trim() })),
  );
  return (
    <Page title={m.twoFactor.enrolTitle} intro={m.twoFactor.reenrolIntro}>
      <ErrorSummary {...form.summary} labels={{ currentPassword: m.twoFactor.reenrolPasswordLabel, code: m.twoFactor.reenrolCodeLabel }} />
      <Form onSubmit={submit}>
        <input type="email" autoComplete="username" value={session?.person.email ?? ''} readOnly hidden />
        <TextField
          id="current-password"
          label={m.twoFactor.reenrolPasswordLabel}
          type="password"
          autoComplete="current-password"
          value={password}
          onValueChange={setPassword}
          error={form.errors.currentPassword}
        />
        <TextField
          id="current-code"
          label={m.twoFactor.reenrolCodeLabel}
          description={m.twoFactor.codeDescription}
          autoComplete="one-time-code"
          value={code}
          onValueChange={setCode}
          error={form.errors.code}
        />
        <FormButtons submitLabel={m.twoFactor.reenrolSubmit} isSubmitting={form.isSubmitting} />
      </Form>
    </Page>
  );
}

function Enrolment({ start }: { start: () => Promise<EnrolmentData> }) {
  const { m } = useMessages();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const enrolment = useAsync(start, []);
  const [code, setCode] = useState('');
  const [confirmed, setConfirmed] = useState<{ recoveryCodes: string[]; session: SessionInfo } | null>(null);
  const form = useForm({ code: 'code' }, { fieldForCode: { second_factor_invalid: 'code' } });

  if (confirmed) {
    // Only now take over the active session: the guards would otherwise leave this page before the codes are seen.
    const finish = () => {
      setSession(confirmed.session);
      navigate('/', { replace: true });
    };
    return (
      <Page title={m.twoFactor.recoveryTitle} intro={m.twoFactor.recoveryIntro}>
        <ul className="kr-recovery-codes" aria-label={m.twoFactor.recoveryListLabel}>
          {confirmed.recoveryCodes.map((recoveryCode) => (
            <li key={recoveryCode}>
              <code>{recoveryCode}</code>
            </li>
          ))}
        </ul>
        <ButtonGroup>
          <Button variant="primary" onClick={finish}>
            {m.twoFactor.recoveryContinue}
          </Button>
        </ButtonGroup>
      </Page>
    );
  }

  const submit = form.submitWith(
    () => (/^\d{6}$/.test(code.trim()) ? {} : { code: code.trim() === '' ? m.twoFactor.codeRequired : m.twoFactor.codeFormat }),
    async () => {
      setConfirmed(await authApi.confirmEnrolment(code.trim()));
    },
  );

  return (
    <Page title={m.twoFactor.enrolTitle} intro={m.twoFactor.enrolIntro}>
      <AsyncContent state={enrolment}>
        {(data) => (
          <>
            <Paragraph>{m.twoFactor.enrolStepScan}</Paragraph>
            <img className="kr-qr" src={data.qrCodeDataUrl} alt={m.twoFactor.enrolQrAlt} width={220} height={220} />
            <Paragraph>{m.twoFactor.enrolStepManual}</Paragraph>
            <Paragraph>
              <code id="totp-secret" className="kr-secret">
                {data.secret}
              </code>
            </Paragraph>
            <Heading level={2}>{m.twoFactor.enrolStepConfirm}</Heading>
            <ErrorSummary {...form.summary} labels={{ code: m.twoFactor.enrolCodeLabel }} />
            <Form onSubmit={submit}>
              <TextField
                id="code"
                label={m.twoFactor.enrolCodeLabel}
                autoComplete="one-time-code"
                inputMode="numeric"
                value={code}
                onValueChange={setCode}
                error={form.errors.code}
              />
              <FormButtons submitLabel={m.twoFactor.enrolSubmit} isSubmitting={form.isSubmitting} />
            </Form>
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
