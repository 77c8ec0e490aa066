// SPDX-License-Identifier: EUPL-1.2
// The children in the family's file, each with its closure flag (afscherming voor ouders): shown to
// everyone who sees the file; setting one (with a reason) and lifting one are offered only when the
// server's allowedActions say the current person may (the policy's 'child_closure').
import { useState } from 'react';
import type { ChildClosureReason } from '../../../contracts/families.js';
import { ConfirmPanel } from '../../components/confirm-panel.js';
import { SelectField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { Panel } from '../../components/panel.js';
import { Button, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { errorText } from '../referrals/parts.js';
import { familyApi, type Family } from './api.js';

type Child = Family['members'][number];
/** The contract's reasons (kept here as a type-checked list: the bundle carries no zod). */
const REASONS = ['child_protection', 'safety'] as const satisfies readonly ChildClosureReason[];
type Open = { kind: 'set' | 'lift'; child: Child } | null;

export function ChildrenSection({ family, onChanged }: { family: Family; onChanged(message: string): void }) {
  const { m, format, formatDate } = useMessages();
  const text = m.families;
  const [open, setOpen] = useState<Open>(null);
  const children = family.members.filter((member) => member.role === 'child');
  const maySet = family.allowedActions.includes('set_child_closure');
  const mayLift = family.allowedActions.includes('lift_child_closure');
  if (children.length === 0) return null;
  const nameOf = (child: Child) => `${child.givenName} ${child.familyName}`;
  const done = (message: string) => {
    setOpen(null);
    onChanged(message);
  };
  return (
    <section aria-labelledby="children-title">
      <Heading level={2} id="children-title">
        {text.childrenHeading}
      </Heading>
      {maySet || mayLift ? <Paragraph>{text.closureIntro}</Paragraph> : null}
      <ul className="kr-children">
        {children.map((child) => (
          <li key={child.id}>
            {nameOf(child)}
            {child.birthDate ? `, ${formatDate(child.birthDate)}` : ''}
            {child.closure ? (
              <>
                {' '}
                <span className="kr-badge kr-badge--flagged">{text.closedForParents}</span>
                <Paragraph>
                  {format(child.closure.setByOrganisationName ? text.closedSince : text.closedSinceUnknownOrganisation, {
                    date: formatDate(child.closure.setAt),
                    reason: text[`closureReason_${child.closure.reason}`],
                    organisation: child.closure.setByOrganisationName ?? '',
                  })}
                </Paragraph>
                {mayLift ? (
                  <Button variant="secondary" aria-label={format(text.liftClosureFor, { name: nameOf(child) })} onClick={() => setOpen({ kind: 'lift', child })}>
                    {text.liftClosure}
                  </Button>
                ) : null}
              </>
            ) : maySet ? (
              <>
                {' '}
                <Button variant="secondary" aria-label={format(text.setClosureFor, { name: nameOf(child) })} onClick={() => setOpen({ kind: 'set', child })}>
                  {text.setClosure}
                </Button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {open?.kind === 'set' ? (
        <SetClosurePanel
          key={open.child.id}
          familyId={family.id}
          child={open.child}
          title={format(text.setClosureFor, { name: nameOf(open.child) })}
          onClose={() => setOpen(null)}
          onDone={() => done(format(text.closureSet, { name: nameOf(open.child) }))}
        />
      ) : null}
      {open?.kind === 'lift' && open.child.closure ? (
        <ConfirmPanel
          key={open.child.id}
          id="lift-closure-panel"
          title={format(text.liftClosureFor, { name: nameOf(open.child) })}
          question={format(text.liftClosureQuestion, { name: nameOf(open.child) })}
          submitLabel={text.liftClosure}
          action={() => familyApi.liftChildClosure(family.id, open.child.id, open.child.closure!.id)}
          onDone={() => done(format(text.closureLifted, { name: nameOf(open.child) }))}
          onClose={() => setOpen(null)}
          describeError={(failure) => errorText(m, failure)}
        />
      ) : null}
    </section>
  );
}

function SetClosurePanel({ familyId, child, title, onClose, onDone }: { familyId: string; child: Child; title: string; onClose(): void; onDone(): void }) {
  const { m } = useMessages();
  const text = m.families;
  const [reason, setReason] = useState('');
  const form = useForm({ reason: 'closure-reason' });
  const submit = form.submitWith(
    () => (reason === '' ? { reason: m.validation.required } : {}),
    async () => {
      await familyApi.setChildClosure(familyId, child.id, { reason: reason as ChildClosureReason });
      onDone();
    },
  );
  return (
    <Panel id="set-closure-panel" title={title} onClose={onClose}>
      <ErrorSummary {...form.summary} labels={{ reason: text.closureReason }} />
      <Form onSubmit={submit} label={title}>
        <SelectField
          id="closure-reason"
          label={text.closureReason}
          value={reason}
          onValueChange={setReason}
          emptyOption={m.shell.choose}
          options={REASONS.map((value) => ({ value, label: text[`closureReason_${value}`] }))}
          error={form.errors.reason}
        />
        <FormButtons submitLabel={text.confirmSetClosure} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}
