// SPDX-License-Identifier: EUPL-1.2
// The support tier (klantroute) of the family at the actor's JGZ organisation: the screening's
// suggestion, the nurse's choice and judgement, and the contact moments that plans.
import { useState } from 'react';
import { useSession } from '../../session/session.js';
import { AsyncContent, useAsync } from '../../components/page.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { SelectField, TextAreaField } from '../../components/fields.js';
import { Paragraph, TableCell } from '../../components/ui.js';
import { CareSection, CareTable } from './care-section-parts.js';
import { useMessages } from '../../i18n/messages.js';
import type { SupportTierCode } from '../../../contracts/care.js';
import { careApi, type FamilyCaseload } from './api.js';

export function SupportTierSection({ familyId }: { familyId: string }) {
  const { m } = useMessages();
  const state = useAsync(() => careApi.familyCaseload(familyId), [familyId]);
  // Kept here: the form is rebuilt with the saved version, the confirmation must stay.
  const [message, setMessage] = useState<string | null>(null);
  return (
    <CareSection id="support-tier-title" title={m.careCaseloadSection.title} message={message}>
      <AsyncContent state={state}>
        {(caseload) => (
          <SupportTierForm
            key={caseload.entry?.version ?? 0}
            familyId={familyId}
            caseload={caseload}
            onSaved={(text) => {
              setMessage(text);
              state.reload();
            }}
          />
        )}
      </AsyncContent>
    </CareSection>
  );
}

function SupportTierForm({ familyId, caseload, onSaved }: { familyId: string; caseload: FamilyCaseload; onSaved(message: string): void }) {
  const { m, format, formatDate } = useMessages();
  const t = m.careCaseloadSection;
  const { entry, suggestedTier } = caseload;
  const [tier, setTier] = useState<string>(entry?.tier ?? suggestedTier ?? '');
  const [judgement, setJudgement] = useState(entry?.judgement ?? '');
  const { session } = useSession();
  const team = useAsync(() => careApi.careTeam(), []);
  const [nurseId, setNurseId] = useState(entry?.nurseId ?? session?.person.id ?? '');
  const form = useForm({ tier: 'tier', judgement: 'tier-judgement', nurseId: 'tier-nurse', version: 'tier' });
  const submit = form.submitWith(
    () => (tier === '' ? { tier: m.validation.required } : {}),
    async () => {
      await careApi.setCaseload(familyId, {
        tier: tier as SupportTierCode,
        ...(nurseId ? { nurseId } : {}),
        judgement: judgement.trim() === '' ? null : judgement,
        ...(entry ? { version: entry.version } : {}),
      });
      onSaved(t.saved);
    },
  );
  const tiers = (['universal', 'extra', 'intensive'] as const).map((value) => ({ value, label: m.careTiers[value] }));
  return (
    <>
      <Paragraph>{suggestedTier ? format(t.suggested, { tier: m.careTiers[suggestedTier] }) : t.noSuggestion}</Paragraph>
      <Paragraph>{entry ? format(t.current, { tier: m.careTiers[entry.tier], nurse: entry.nurseName ?? '' }) : t.notOnCaseload}</Paragraph>
      <ErrorSummary {...form.summary} labels={{ tier: t.tier, judgement: t.judgement, nurseId: t.nurse }} />
      <Form onSubmit={submit} label={t.title}>
        <SelectField id="tier" label={t.tier} value={tier} onValueChange={setTier} emptyOption={m.shell.choose} options={tiers} error={form.errors.tier} />
        <SelectField
          id="tier-nurse"
          label={t.nurse}
          value={nurseId}
          onValueChange={setNurseId}
          options={(team.data?.items ?? []).map((member) => ({ value: member.id, label: member.name }))}
          error={form.errors.nurseId}
        />
        <TextAreaField rows={3} id="tier-judgement" label={t.judgement} description={t.judgementDescription} value={judgement} onValueChange={setJudgement} error={form.errors.judgement} isOptional />
        <FormButtons submitLabel={t.save} isSubmitting={form.isSubmitting} />
      </Form>
      {entry ? (
        <CareTable
          items={entry.upcoming}
          empty={t.noMoments}
          caption={t.upcomingCaption}
          columns={[t.columnDate, t.columnKind]}
          renderCells={(moment) => (
            <>
              <TableCell>{formatDate(moment.plannedOn)}</TableCell>
              <TableCell>{m.careContactKinds[moment.kind] ?? moment.kind}</TableCell>
            </>
          )}
        />
      ) : null}
    </>
  );
}
