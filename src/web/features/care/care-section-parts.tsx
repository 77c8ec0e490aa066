// SPDX-License-Identifier: EUPL-1.2
// The frame every section of "JGZ en zorg" shares: a titled section with its confirmation, and a list
// of records as the empty sentence or a scrollable table with caption and column headers.
import type { ReactNode } from 'react';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableHeader, TableHeaderCell, TableRow } from '../../components/ui.js';
import { Confirmation } from '../../components/confirmation.js';

/** A section of the care page: heading level 2 (named by `id`), then the last confirmation if any. */
export function CareSection({ id, title, message, children }: { id: string; title: ReactNode; message?: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="kr-care-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      <Confirmation text={message} />
      {children}
    </section>
  );
}

/** The records of a section: `empty` when there are none, else a keyboard-scrollable table, one row per record. */
export function CareTable<Item extends { id: string }>({
  items,
  empty,
  caption,
  columns,
  renderCells,
}: {
  items: readonly Item[];
  empty: ReactNode;
  caption: string;
  columns: readonly ReactNode[];
  renderCells(item: Item): ReactNode;
}) {
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <div className="kr-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((column, index) => (
              <TableHeaderCell key={index} scope="col">
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>{renderCells(item)}</TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
