// SPDX-License-Identifier: EUPL-1.2
// The referral working list: Inkomend / Uitgaand as tabs (links), filters new / overdue / assigned
// to me and per municipality, overdue referrals first and flagged, CSV export of the whole selection.
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { referenceApi } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField } from '../../components/fields.js';
import { FilterBar } from '../../components/filter-bar.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { referralApi, type ReferralListItem } from './api.js';
import { statusColumn } from './parts.js';

const PAGE_SIZE = 25;
type Box = 'incoming' | 'outgoing';

export default function ReferralInboxPage() {
  const { m, format, formatDate } = useMessages();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const filter = params.get('filter') ?? '';
  const municipality = params.get('municipality') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [chosenFilter, setChosenFilter] = useState(filter);
  const [chosenMunicipality, setChosenMunicipality] = useState(municipality);
  const query = { box, filter: filter || undefined, municipality: municipality || undefined, page, pageSize: PAGE_SIZE };
  const list = useAsync(() => referralApi.list(query), [box, filter, municipality, page]);
  const municipalities = useAsync(() => referenceApi.municipalities({}), []);

  const go = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  const columns: Column<ReferralListItem>[] = [
    {
      key: 'client',
      header: m.referrals.columnClient,
      cell: (row) => (
        <Link to={`/verwijzingen/${row.id}`} aria-label={format(m.referrals.openReferral, { client: row.clientName ?? m.referrals.unknownClient })}>
          {row.clientName ?? m.referrals.unknownClient}
        </Link>
      ),
      csv: (row) => row.clientName,
    },
    statusColumn(m),
    box === 'incoming'
      ? { key: 'sender', header: m.referrals.columnSender, cell: (row) => row.senderOrganisationName }
      : { key: 'receiver', header: m.referrals.columnReceiver, cell: (row) => row.receiverOrganisationName },
    { key: 'municipality', header: m.referrals.columnMunicipality, cell: (row) => row.municipalityName },
    { key: 'requestedAt', header: m.referrals.columnRequestedAt, cell: (row) => (row.requestedAt ? formatDate(row.requestedAt) : '') },
    {
      key: 'respondBy',
      header: m.referrals.columnRespondBy,
      // respond_by is 00:00 after the last day to respond on: show that last day.
      cell: (row) => (row.respondBy ? formatDate(new Date(new Date(row.respondBy).getTime() - 1).toISOString()) : ''),
    },
    { key: 'assignedTo', header: m.referrals.columnAssignedTo, cell: (row) => row.assignedToName ?? '' },
  ];

  const tabs: { box: Box; label: string }[] = [
    { box: 'incoming', label: m.referrals.boxIncoming },
    { box: 'outgoing', label: m.referrals.boxOutgoing },
  ];

  return (
    <Page title={m.referrals.title} intro={m.referrals.intro}>
      <nav className="kr-tabs" aria-label={m.referrals.boxLabel}>
        <ul className="kr-tabs__list">
          {tabs.map((tab) => (
            <li key={tab.box}>
              <RouterLink
                className="kr-tabs__link"
                to={`/verwijzingen?box=${tab.box}`}
                aria-current={tab.box === box ? 'page' : undefined}
              >
                {tab.label}
              </RouterLink>
            </li>
          ))}
        </ul>
      </nav>
      {box === 'incoming' ? (
        <Paragraph>
          <Link to="/verwijzingen/aanmeldingen-ouders">{m.selfRegistrations.link}</Link>
        </Paragraph>
      ) : null}
      {box === 'incoming' ? <ConsentWithdrawalNotices /> : null}
      <FilterBar onApply={() => go({ filter: chosenFilter || undefined, municipality: chosenMunicipality || undefined, page: undefined })}>
        <SelectField
          id="referral-filter"
          label={m.referrals.filterLabel}
          value={chosenFilter}
          onValueChange={setChosenFilter}
          emptyOption={m.referrals.filterAll}
          options={[
            { value: 'new', label: m.referrals.filterNew },
            { value: 'overdue', label: m.referrals.filterOverdue },
            { value: 'assigned_to_me', label: m.referrals.filterAssigned },
          ]}
        />
        <SelectField
          id="referral-municipality"
          label={m.referrals.municipalityFilter}
          value={chosenMunicipality}
          onValueChange={setChosenMunicipality}
          emptyOption={m.referrals.municipalityAll}
          options={(municipalities.data ?? []).map((item) => ({ value: item.code, label: item.name }))}
        />
      </FilterBar>
      <AsyncContent state={list}>
        {(result) => (
          <DataTable
            caption={box === 'incoming' ? m.referrals.incomingCaption : m.referrals.outgoingCaption}
            columns={columns}
            rows={result.items}
            rowKey={(row) => row.id}
            csvName="verwijzingen"
            fetchCsv={() => referralApi.exportCsv({ ...query, page: undefined, pageSize: undefined })}
            paging={{ page: result.page, pageSize: result.pageSize, total: result.total, onPageChange: (next) => go({ page: String(next) }) }}
          />
        )}
      </AsyncContent>
    </Page>
  );
}

/** Why referrals disappeared from the inbox: a neutral notice per withdrawn consent (no client unless still visible). */
function ConsentWithdrawalNotices() {
  const { m, format, formatDate } = useMessages();
  const notices = useAsync(() => referralApi.consentWithdrawalNotices(), []);
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert type="info" className="kr-withdrawal-notices">
      <Heading level={2} appearance="utrecht-heading-3">
        {m.referrals.withdrawalNoticesTitle}
      </Heading>
      {items.map((notice, index) => (
        <Paragraph key={`${notice.withdrawnAt}-${index}`}>
          {notice.clientName
            ? format(m.referrals.withdrawalNoticeWithClient, { date: formatDate(notice.withdrawnAt), sender: notice.senderOrganisationName, client: notice.clientName })
            : format(m.referrals.withdrawalNotice, { date: formatDate(notice.withdrawnAt), sender: notice.senderOrganisationName })}
        </Paragraph>
      ))}
    </Alert>
  );
}
