// SPDX-License-Identifier: EUPL-1.2
// The parents' login: one DigiD button (a navigation to the broker), and — back from a refused login —
// the reason in plain words (?fout=no_bsn | invalid_bsn | level_too_low | no_file | provider).
import { useSearchParams } from 'react-router';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, ButtonLink, Heading, Paragraph } from '../../components/ui.js';
import { useMessages, type Messages } from '../../i18n/messages.js';
import { PARENT_LOGIN_REFUSALS, type ParentLoginRefusal } from '../../../contracts/my-start.js';
import { myStartApi, PARENT_LOGIN_URL } from './api.js';

function refusalText(m: Messages['m'], reason: ParentLoginRefusal): string {
  const texts: Record<ParentLoginRefusal, string> = {
    no_bsn: m.myStart.refusalNoBsn,
    invalid_bsn: m.myStart.refusalInvalidBsn,
    level_too_low: m.myStart.refusalLevelTooLow,
    no_file: m.myStart.refusalNoFile,
    provider: m.myStart.refusalProvider,
  };
  return texts[reason];
}

export default function ParentLoginPage() {
  const { m } = useMessages();
  const [searchParams] = useSearchParams();
  const raw = searchParams.get('fout');
  const refusal = (PARENT_LOGIN_REFUSALS as readonly string[]).includes(raw ?? '') ? (raw as ParentLoginRefusal) : null;
  const hasEnded = searchParams.get('uit') === '1';
  const options = useAsync(() => myStartApi.options(), []);
  return (
    <Page title={m.myStart.loginTitle} intro={m.myStart.loginIntro}>
      {refusal ? (
        <Alert type="error" role="alert">
          <Heading level={2}>{m.myStart.refusedTitle}</Heading>
          <Paragraph>{refusalText(m, refusal)}</Paragraph>
        </Alert>
      ) : null}
      {hasEnded && !refusal ? <Alert type="info">{m.myStart.sessionEnded}</Alert> : null}
      <AsyncContent state={options}>
        {(data) =>
          data.hasParentLogin ? (
            <Paragraph>
              {/* A full navigation: the broker's pages are not part of this app. */}
              <ButtonLink to={PARENT_LOGIN_URL} reloadDocument>
                {m.myStart.loginButton}
              </ButtonLink>
            </Paragraph>
          ) : (
            <Alert type="warning">{m.myStart.loginUnavailable}</Alert>
          )
        }
      </AsyncContent>
    </Page>
  );
}
