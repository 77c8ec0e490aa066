// SPDX-License-Identifier: EUPL-1.2
// An organisation admin's inbox settings (issue 16 item 5): the functional address that is mailed of
// every inbox event, and which members receive the inbox notices. Reading them shows the members'
// names (staff data: under the 'person' grants, audited); changing them is an update of the
// organisation (audited: how many recipients, whether there is an address — not the address).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { InboxSettings, InboxSettingsUpdate } from '../../../contracts/notifications.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { memberships, people } from '../organisations/schema.js';
import { locateOrganisation } from '../organisations/store.js';
import { organisationInboxRecipients, organisationInboxSettings } from './schema.js';
import type { UseCaseContext } from './store.js';

async function settingsOf(tx: Executor, organisationId: string): Promise<InboxSettings> {
  const [settings] = await tx.select().from(organisationInboxSettings).where(eq(organisationInboxSettings.organisationId, organisationId));
  const recipients = new Set(
    (await tx.select({ personId: organisationInboxRecipients.personId }).from(organisationInboxRecipients).where(eq(organisationInboxRecipients.organisationId, organisationId))).map(
      (row) => row.personId,
    ),
  );
  const members = await tx
    .select({ personId: people.id, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), eq(people.isActive, true)))
    .orderBy(asc(people.name), asc(people.id));
  return {
    organisationId,
    functionalAddress: settings?.functionalAddress ?? null,
    members: members.map((member) => ({ ...member, isRecipient: recipients.has(member.personId) })),
  };
}

export async function getInboxSettings(ctx: UseCaseContext, organisationId: string): Promise<InboxSettings> {
  return ctx.store.act({
    resource: 'person',
    action: 'read',
    objectId: organisationId,
    objectType: 'inbox_settings',
    locate: (tx) => locateOrganisation(tx, organisationId),
    perform: (tx) => settingsOf(tx, organisationId),
  });
}

export async function updateInboxSettings(ctx: UseCaseContext, organisationId: string, input: InboxSettingsUpdate): Promise<InboxSettings> {
  return ctx.store.act({
    resource: 'organisation',
    action: 'update',
    objectId: organisationId,
    objectType: 'inbox_settings',
    locate: (tx) => locateOrganisation(tx, organisationId),
    perform: async (tx) => {
      const wanted = [...new Set(input.recipientIds)];
      const members = new Set(
        wanted.length === 0
          ? []
          : (
              await tx
                .select({ personId: memberships.personId })
                .from(memberships)
                .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), inArray(memberships.personId, wanted)))
            ).map((row) => row.personId),
      );
      const strangers = input.recipientIds.map((id, index) => ({ id, index })).filter(({ id }) => !members.has(id));
      if (strangers.length > 0) {
        throw new AppError('validation_failed', {
          errors: strangers.map(({ index }) => ({ path: `body.recipientIds.${index}`, message: nl.notifications.errorNotAMember })),
        });
      }
      const now = ctx.now();
      const functionalAddress = input.functionalAddress || null;
      await tx
        .insert(organisationInboxSettings)
        .values({ organisationId, functionalAddress, updatedAt: now })
        .onConflictDoUpdate({ target: organisationInboxSettings.organisationId, set: { functionalAddress, updatedAt: now } });
      await tx.delete(organisationInboxRecipients).where(eq(organisationInboxRecipients.organisationId, organisationId));
      if (wanted.length > 0) await tx.insert(organisationInboxRecipients).values(wanted.map((personId) => ({ organisationId, personId })));
      return settingsOf(tx, organisationId);
    },
    details: (result) => ({ recipients: result.members.filter((member) => member.isRecipient).length, hasFunctionalAddress: result.functionalAddress !== null }),
  });
}
