// SPDX-License-Identifier: EUPL-1.2
// A coalition's funding (issue 10 item 7): one table, read from the coalition register, shown on the
// coalition page (with its remove buttons) and in the plan of approach and its print view (read only) —
// the plan keeps no copy of the funding; it shows the register as it is now.
import type { ReactNode } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { AsyncContent, useAsync } from '../../components/page.js';
import { Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { Funding } from '../../../contracts/coalitions.js';
import { coalitionApi, type Coalition } from './api.js';
import { formatEuro, periodText } from './parts.js';

export function FundingTable({ coalition, extraColumns = [] }: { coalition: Pick<Coalition, 'code' | 'funding'>; extraColumns?: Column<Funding>[] }) {
  const { m, locale } = useMessages();
  const t = m.coalitions;
  const columns: Column<Funding>[] = [
    { key: 'source', header: t.columnFundingSource, cell: (row) => m.fundingSources[row.source] },
    { key: 'period', header: t.columnPeriod, cell: (row) => periodText(row.periodStart, row.periodEnd, m) },
    { key: 'amount', header: t.columnAmount, cell: (row) => formatEuro(row.amountCents, locale), csv: (row) => (row.amountCents / 100).toFixed(2), isNumeric: true },
    { key: 'holder', header: t.columnMandateHolder, cell: (row) => row.mandateHolderName ?? '' },
    ...extraColumns,
  ];
  const total = coalition.funding.reduce((sum, row) => sum + row.amountCents, 0);
  return (
    <>
      <DataTable caption={t.fundingCaption} columns={columns} rows={coalition.funding} rowKey={(row) => row.id} csvName={`${coalition.code}-financiering`} />
      {coalition.funding.length > 0 ? (
        <Paragraph>
          {t.fundingTotal}: {formatEuro(total, locale)}
        </Paragraph>
      ) : null}
    </>
  );
}

/** The funding of a coalition under its own heading, loaded from the register (the plan page and its print view). */
export function CoalitionFunding({ code, intro }: { code: string; intro?: ReactNode }) {
  const { m } = useMessages();
  const loaded = useAsync(() => coalitionApi.get(code), [code]);
  return (
    <section aria-labelledby="coalition-funding">
      <Heading level={3} id="coalition-funding">
        {m.coalitions.fundingTitle}
      </Heading>
      {intro}
      <AsyncContent state={loaded}>{(coalition) => <FundingTable coalition={coalition} />}</AsyncContent>
    </section>
  );
}
