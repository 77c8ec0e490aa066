// SPDX-License-Identifier: EUPL-1.2
// "Opnieuw versturen": a dead letter is due again now (the mail worker sends it on its next pass). A
// mail that is not dead stays as it is, so a repeated click changes nothing. Audited.
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { retryDeadMail } from '../../platform/mail/retry-mail.js';
import type { MailOutboxItem } from '../../../contracts/mail-admin.js';
import { findMail, toMailItem } from './store.js';

export async function retryMail(ctx: Pick<RequestContext, 'store' | 'now'>, id: string): Promise<MailOutboxItem> {
  const { row } = await ctx.store.act({
    resource: 'mail',
    action: 'update',
    objectId: id,
    locate: async (tx) => ((await findMail(tx, id)) ? { organisationIds: [] } : null),
    perform: async (tx) => {
      const isRetried = await retryDeadMail(tx, id, ctx.now());
      const row = await findMail(tx, id);
      if (!row) throw new AppError('not_found');
      return { row, isRetried };
    },
    details: (result) => ({ change: 'retry', template: result.row.template, isRetried: result.isRetried }),
  });
  return toMailItem(row);
}
