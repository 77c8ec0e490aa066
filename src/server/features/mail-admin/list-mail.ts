// SPDX-License-Identifier: EUPL-1.2
// The outbox as the platform admin sees it: state, template, attempts, next attempt, last error and
// dates per mail, filtered by state. Audited as a search (how many, which state), never an address.
import type { RequestContext } from '../../platform/http/request-context.js';
import type { MailOutboxPage, MailStatus } from '../../../contracts/mail-admin.js';
import { findMails, toMailItem } from './store.js';

export async function listMail(
  ctx: Pick<RequestContext, 'store'>,
  query: { status?: MailStatus | undefined; page: number; pageSize: number },
  canPreview: boolean,
): Promise<MailOutboxPage> {
  const { rows, total } = await ctx.store.search({
    resource: 'mail',
    perform: (tx) => findMails(tx, query),
    details: (result) => ({ count: result.rows.length, total: result.total, status: query.status ?? 'all' }),
  });
  return { items: rows.map(toMailItem), total, page: query.page, pageSize: query.pageSize, canPreview };
}
