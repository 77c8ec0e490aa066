// SPDX-License-Identifier: EUPL-1.2
// The accessibility statement (toegankelijkheidsverklaring), required for Dutch public-sector sites.
import { Page } from '../../components/page.js';
import { Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export default function AccessibilityPage() {
  const { m } = useMessages();
  const s = m.accessibilityStatement;
  return (
    <Page title={s.title} intro={s.intro}>
      <Heading level={2}>{s.statusTitle}</Heading>
      <Paragraph>{s.status}</Paragraph>
      <Heading level={2}>{s.measuresTitle}</Heading>
      <Paragraph>{s.measures}</Paragraph>
      <Heading level={2}>{s.contactTitle}</Heading>
      <Paragraph>{s.contact}</Paragraph>
    </Page>
  );
}
