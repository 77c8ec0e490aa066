// SPDX-License-Identifier: EUPL-1.2
// Development only (mails written to a folder, MAIL_DEV_FOLDER): a sent mail's subject and text, as
// the folder holds it. Elsewhere there is no such thing to show (404): the outbox keeps no content.
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { readFolderMail } from '../../platform/mail/mail-transport.js';
import type { MailPreview } from '../../../contracts/mail-admin.js';
import { findMail } from './store.js';

export async function previewMail(ctx: Pick<RequestContext, 'store'>, id: string, devFolder: string | null): Promise<MailPreview> {
  return ctx.store.act({
    resource: 'mail',
    action: 'read',
    objectId: id,
    locate: async (tx) => ((await findMail(tx, id)) ? { organisationIds: [] } : null),
    perform: async () => {
      const mail = devFolder === null ? null : await readFolderMail(devFolder, id);
      if (!mail) throw new AppError('not_found');
      return { id, ...mail };
    },
    details: () => ({ view: 'development_preview' }),
  });
}
