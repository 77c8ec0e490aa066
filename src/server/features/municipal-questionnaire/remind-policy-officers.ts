// SPDX-License-Identifier: EUPL-1.2
// "The yearly questionnaire opening and its deadline (to the policy officer)" (issue 16): when an
// edition opens, every policy officer of an organisation that serves a municipality (whom the policy
// lets answer for it) gets one notice linking to the edition; from DEADLINE_NEAR_DAYS days before the
// deadline, the policy officers of each municipality whose response is not submitted get one reminder.
// Once per edition and person (the opening) or per edition, municipality and person (the reminder).
// Both go through notify(): an in-app notice and, as the person chose, a mail (at once unless she chose
// otherwise).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { Clock } from '../../platform/clock.js';
import { notify } from '../notifications/notify.js';
import { addDays, amsterdamDate } from '../../../contracts/calendar.js';

export const DEADLINE_NEAR_DAYS = 7;

interface RecipientRow {
  edition_id: string;
  year: number;
  deadline: string;
  municipality_code: string;
  organisation_id: string;
  person_id: string;
  is_submitted: boolean;
}

/** One pass: the notices that are due and not notified before; returns how many reached someone. */
export async function remindPolicyOfficers(options: { db: Executor; clock: Clock }): Promise<{ queued: number }> {
  const now = options.clock.now();
  const today = amsterdamDate(now);
  return options.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const rows = await queryRows<RecipientRow>(
      tx,
      sql`SELECT e.id::text AS edition_id, e.year, e.deadline::text AS deadline, om.municipality_code, o.id::text AS organisation_id, p.id::text AS person_id,
            (r.state = 'submitted') IS TRUE AS is_submitted
          FROM municipal_questionnaire_editions e
          CROSS JOIN organisation_municipalities om
          JOIN organisations o ON o.id = om.organisation_id AND o.is_active
          JOIN memberships m ON m.organisation_id = o.id AND m.is_active AND 'policy_officer' = ANY (m.roles)
          JOIN people p ON p.id = m.person_id AND p.is_active
          LEFT JOIN municipal_questionnaire_responses r ON r.edition_id = e.id AND r.municipality_code = om.municipality_code
          WHERE e.opens_on <= ${today}::date AND e.deadline >= ${today}::date
          ORDER BY e.year, om.municipality_code, p.id`,
    );
    let queued = 0;
    const opened = new Set<string>();
    for (const row of rows) {
      const link = `/vragenlijst/${row.year}`;
      if (!opened.has(`${row.edition_id}:${row.person_id}`)) {
        opened.add(`${row.edition_id}:${row.person_id}`);
        const opening = await notify(
          tx,
          { kind: 'questionnaire_open', onceKey: `questionnaireOpen:${row.edition_id}:${row.person_id}`, personId: row.person_id, organisationId: row.organisation_id, linkPath: link },
          now,
        );
        if (opening.notified > 0) queued += 1;
      }
      if (!row.is_submitted && today >= addDays(row.deadline, -DEADLINE_NEAR_DAYS)) {
        const reminder = await notify(
          tx,
          {
            kind: 'questionnaire_deadline',
            onceKey: `questionnaireDeadline:${row.edition_id}:${row.municipality_code}:${row.person_id}`,
            personId: row.person_id,
            organisationId: row.organisation_id,
            linkPath: `${link}/${row.municipality_code}`,
          },
          now,
        );
        if (reminder.notified > 0) queued += 1;
      }
    }
    return { queued };
  });
}
