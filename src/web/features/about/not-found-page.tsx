// SPDX-License-Identifier: EUPL-1.2
import { Page } from '../../components/page.js';
import { Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export default function NotFoundPage() {
  const { m } = useMessages();
  return (
    <Page title={m.shell.notFoundTitle}>
      <Paragraph>{m.shell.notFoundText}</Paragraph>
      <Paragraph>
        <Link to="/">{m.shell.notFoundHome}</Link>
      </Paragraph>
    </Page>
  );
}
