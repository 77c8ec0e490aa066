// SPDX-License-Identifier: EUPL-1.2
// /verwijzingen/aanmeldingen-ouders: the parents who registered themselves with the own organisation
// (youth health care), newest first, with how and when they want to be contacted, safe contact, their
// language and their consent — given by the client herself.
import { apiJson } from '../../api/client.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { SelfRegistration, SelfRegistrationList } from '../../../contracts/parents-public.js';

export default function SelfRegistrationsPage() {
  const { m, format, formatDate, formatDateTime } = useMessages();
  const text = m.selfRegistrations;
  const list = useAsync(() => apiJson<SelfRegistrationList>('GET', '/self-registrations'), []);

  const contact = (row: SelfRegistration) =>
    [
      row.contactBy === 'phone' ? format(text.contactPhone, { phone: row.phone ?? '' }) : format(text.contactEmail, { email: row.email ?? '' }),
      row.contactMoments.length > 0 ? format(text.moments, { moments: row.contactMoments.map((moment) => text[`moment_${moment}`]).join(', ') }) : null,
    ]
      .filter(Boolean)
      .join('; ');
  const safe = (row: SelfRegistration) =>
    [row.noMessages ? text.noMessages : null, row.onlyAtMoments ? text.onlyAtMoments : null].filter(Boolean).join('; ') || text.safeNone;

  const columns: Column<SelfRegistration>[] = [
    { key: 'name', header: text.columnName, cell: (row) => row.name },
    { key: 'kind', header: text.columnKind, cell: (row) => text[`kind_${row.kind}`] },
    { key: 'municipality', header: text.columnMunicipality, cell: (row) => row.municipalityName },
    { key: 'contact', header: text.columnContact, cell: contact },
    { key: 'safe', header: text.columnSafe, cell: safe },
    { key: 'language', header: text.columnLanguage, cell: (row) => text[`language_${row.language}`] },
    { key: 'consent', header: text.columnConsent, cell: (row) => format(text.consentGivenByClient, { date: formatDate(row.consent.givenAt) }) },
    { key: 'createdAt', header: text.columnCreatedAt, cell: (row) => formatDateTime(row.createdAt) },
  ];

  return (
    <Page title={text.title} intro={text.intro}>
      <AsyncContent state={list}>
        {(result) =>
          result.items.length === 0 ? (
            <Paragraph>{text.empty}</Paragraph>
          ) : (
            <DataTable caption={text.caption} columns={columns} rows={result.items} rowKey={(row) => row.id} csvName="aanmeldingen-ouders" />
          )
        }
      </AsyncContent>
    </Page>
  );
}
