// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}/ouderinformatie: what the parents of the coalition's municipalities read on the
// public pages (issue 15 item 1) — texts per phase, links, and per running offer what it costs a parent
// and a short explanation — in Dutch with optional English and Arabic, with the day it was checked.
// Coordinators of the coalition edit it (the server says so in the coalition's allowed actions);
// everyone else reads it.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { amsterdamDate } from '../../../contracts/calendar.js';
import {
  COST_OF_FUNDING_ROUTE,
  PARENT_COSTS,
  PARENT_LANGUAGES,
  PARENT_PHASES,
  type LocalisedText,
  type ParentContent,
  type ParentCost,
  type ParentLanguage,
  type ParentPhase,
} from '../../../contracts/parents-public.js';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { Confirmation } from '../../components/confirmation.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Button, ButtonGroup, ExternalLink, Fieldset, FieldsetLegend, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { coalitionApi, type Coalition } from '../coalitions/api.js';
import { localOfferApi, type LocalOffer } from '../local-offer/api.js';
import { parentContentApi, type ParentContentRecord } from './api.js';

type Texts = Record<ParentLanguage, string>;
interface BlockDraft {
  key: string;
  phases: ParentPhase[];
  heading: Texts;
  body: Texts;
}
interface LinkDraft {
  url: string;
  title: Texts;
  phases: ParentPhase[];
}
interface Draft {
  reviewedOn: string;
  blocks: BlockDraft[];
  links: LinkDraft[];
  costs: Record<string, ParentCost>;
  activityPhases: Record<string, ParentPhase[]>;
  descriptions: Record<string, Texts>;
}

const emptyTexts = (): Texts => ({ nl: '', en: '', ar: '' });
const textsOf = (text: LocalisedText | undefined): Texts => ({ nl: text?.nl ?? '', en: text?.en ?? '', ar: text?.ar ?? '' });
/** Dutch always; a translation only when written. */
const localisedOf = (texts: Texts): LocalisedText => ({
  nl: texts.nl.trim(),
  ...(texts.en.trim() ? { en: texts.en.trim() } : {}),
  ...(texts.ar.trim() ? { ar: texts.ar.trim() } : {}),
});
const hasAny = (texts: Texts) => PARENT_LANGUAGES.some((language) => texts[language].trim() !== '');
const inputLanguage = (language: ParentLanguage) => ({ lang: language, dir: language === 'ar' ? ('rtl' as const) : ('ltr' as const) });

function draftOf(record: ParentContentRecord | null, today: string): Draft {
  const content = record?.content;
  return {
    reviewedOn: record?.reviewedOn ?? today,
    blocks: (content?.blocks ?? []).map((block) => ({ key: block.key, phases: [...block.phases], heading: textsOf(block.heading), body: textsOf(block.body) })),
    links: (content?.links ?? []).map((link) => ({ url: link.url, title: textsOf(link.title), phases: [...link.phases] })),
    costs: { ...(content?.costs ?? {}) },
    activityPhases: { ...(content?.activityPhases ?? {}) },
    descriptions: Object.fromEntries(Object.entries(content?.descriptions ?? {}).map(([key, text]) => [key, textsOf(text)])),
  };
}

function contentOf(draft: Draft): ParentContent {
  return {
    blocks: draft.blocks.map((block) => ({ key: block.key.trim(), phases: block.phases, heading: localisedOf(block.heading), body: localisedOf(block.body) })),
    links: draft.links.map((link) => ({ url: link.url.trim(), title: localisedOf(link.title), phases: link.phases })),
    costs: draft.costs,
    activityPhases: Object.fromEntries(Object.entries(draft.activityPhases).filter(([, phases]) => phases.length > 0)),
    descriptions: Object.fromEntries(Object.entries(draft.descriptions).filter(([, texts]) => hasAny(texts)).map(([key, texts]) => [key, localisedOf(texts)])),
  };
}

/** One entry per running offer of the coalition, keyed as the parent pages key it: the menu key, else the activity's name. */
interface OfferKey {
  key: string;
  name: string;
  isActivity: boolean;
  defaultCost: ParentCost;
}
function offerKeys(offers: readonly LocalOffer[]): OfferKey[] {
  const byKey = new Map<string, OfferKey>();
  for (const offer of offers.filter((candidate) => candidate.isCurrent)) {
    const key = offer.intervention?.key ?? offer.activityName;
    if (key && !byKey.has(key)) byKey.set(key, { key, name: offer.name, isActivity: !offer.intervention, defaultCost: COST_OF_FUNDING_ROUTE[offer.fundingRoute] });
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export default function ParentContentPage() {
  const { code = '' } = useParams();
  const { m, format } = useMessages();
  const t = m.parentContent;
  const state = useAsync(async () => {
    const [coalition, record, offers] = await Promise.all([coalitionApi.get(code), parentContentApi.get(code), localOfferApi.ofCoalition(code)]);
    return { coalition, record, offers: offerKeys(offers.items) };
  }, [code]);
  return (
    <AsyncContent state={state}>
      {({ coalition, record, offers }) => (
        <Page title={format(t.title, { name: coalition.name })} intro={t.intro}>
          <PublicPages coalition={coalition} />
          {coalition.allowedActions.includes('update') ? (
            <Editor code={code} record={record} offers={offers} onSaved={state.reload} />
          ) : (
            <ContentView record={record} offers={offers} />
          )}
        </Page>
      )}
    </AsyncContent>
  );
}

function PublicPages({ coalition }: { coalition: Coalition }) {
  const { m, format } = useMessages();
  const members = coalition.members.filter((member) => member.until === null);
  if (members.length === 0) return null;
  return (
    <nav aria-labelledby="parent-pages-heading">
      <Heading level={2} id="parent-pages-heading">
        {m.parentContent.publicPages}
      </Heading>
      <ul>
        {members.map((member) => (
          <li key={member.municipalityCode}>
            <Link to={`/ouders/${member.municipalityCode}`}>{format(m.parentContent.publicPage, { municipality: member.municipalityName })}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ContentView({ record, offers }: { record: ParentContentRecord | null; offers: OfferKey[] }) {
  const { m, format, formatDate } = useMessages();
  const t = m.parentContent;
  if (!record) return <Paragraph>{t.none}</Paragraph>;
  const { content } = record;
  return (
    <>
      <Paragraph>{t.readOnly}</Paragraph>
      <Paragraph>{format(t.reviewedOnView, { date: formatDate(record.reviewedOn) })}</Paragraph>
      <Heading level={2}>{t.viewBlocks}</Heading>
      {content.blocks.map((block) => (
        <section key={block.key} aria-labelledby={`block-${block.key}`}>
          <Heading level={3} id={`block-${block.key}`}>
            {block.heading.nl}
          </Heading>
          <Paragraph>{block.phases.map((phase) => t[`phase_${phase}`]).join(', ')}</Paragraph>
          <Paragraph>{block.body.nl}</Paragraph>
        </section>
      ))}
      <Heading level={2}>{t.viewLinks}</Heading>
      <ul>
        {content.links.map((link) => (
          <li key={link.url}>
            <ExternalLink href={link.url}>{link.title.nl}</ExternalLink>
          </li>
        ))}
      </ul>
      <Heading level={2}>{t.offersTitle}</Heading>
      <ul>
        {offers.map((offer) => (
          <li key={offer.key}>
            <strong>{offer.name}</strong>: {t[`cost_${content.costs[offer.key] ?? offer.defaultCost}`]}
            {content.descriptions[offer.key] ? ` — ${content.descriptions[offer.key]!.nl}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

const KEY_PATTERN = /^[a-z0-9-]{1,60}$/;
const isHttpsUrl = (value: string) => {
  try {
    return new URL(value.trim()).protocol === 'https:';
  } catch {
    return false;
  }
};

function Editor({ code, record, offers, onSaved }: { code: string; record: ParentContentRecord | null; offers: OfferKey[]; onSaved(): void }) {
  const { m, format } = useMessages();
  const t = m.parentContent;
  const [draft, setDraft] = useState<Draft>(() => draftOf(record, amsterdamDate(new Date())));
  const [message, setMessage] = useState<string | null>(null);
  // The version saved last (the one the next save builds on).
  const [version, setVersion] = useState(record?.version ?? 0);
  // After adding or removing a text or link, focus moves to the new fields or to the add button (never lost).
  const [focus, setFocus] = useState<{ id: string; request: number } | null>(null);
  const focusOn = (id: string) => setFocus((previous) => ({ id, request: (previous?.request ?? 0) + 1 }));
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);
  const languageName = (language: ParentLanguage) => ({ nl: t.languageNl, en: t.languageEn, ar: t.languageAr })[language];
  const phaseOptions = PARENT_PHASES.map((phase) => ({ value: phase, label: t[`phase_${phase}`] }));

  // Field ids per server path (body.content.blocks.0.heading.nl …), so a refusal links to the very field.
  const fieldIds: Record<string, string> = { reviewedOn: 'pc-reviewed-on' };
  const labels: Record<string, string> = { reviewedOn: t.reviewedOnLabel };
  draft.blocks.forEach((_block, index) => {
    const legend = format(t.blockLegend, { number: index + 1 });
    fieldIds[`content.blocks.${index}.key`] = `pc-block-${index}-key`;
    labels[`content.blocks.${index}.key`] = `${legend}, ${t.blockKey}`;
    fieldIds[`content.blocks.${index}.phases`] = `pc-block-${index}-phases`;
    labels[`content.blocks.${index}.phases`] = `${legend}, ${t.phasesLegend}`;
    for (const language of PARENT_LANGUAGES) {
      fieldIds[`content.blocks.${index}.heading.${language}`] = `pc-block-${index}-heading-${language}`;
      labels[`content.blocks.${index}.heading.${language}`] = `${legend}, ${format(t.heading, { language: languageName(language) })}`;
      fieldIds[`content.blocks.${index}.body.${language}`] = `pc-block-${index}-body-${language}`;
      labels[`content.blocks.${index}.body.${language}`] = `${legend}, ${format(t.body, { language: languageName(language) })}`;
    }
  });
  draft.links.forEach((_link, index) => {
    const legend = format(t.linkLegend, { number: index + 1 });
    fieldIds[`content.links.${index}.url`] = `pc-link-${index}-url`;
    labels[`content.links.${index}.url`] = `${legend}, ${t.linkUrl}`;
    fieldIds[`content.links.${index}.phases`] = `pc-link-${index}-phases`;
    labels[`content.links.${index}.phases`] = `${legend}, ${t.phasesLegend}`;
    for (const language of PARENT_LANGUAGES) {
      fieldIds[`content.links.${index}.title.${language}`] = `pc-link-${index}-title-${language}`;
      labels[`content.links.${index}.title.${language}`] = `${legend}, ${format(t.linkTitle, { language: languageName(language) })}`;
    }
  });
  offers.forEach((offer, index) => {
    fieldIds[`content.descriptions.${offer.key}.nl`] = `pc-offer-${index}-description-nl`;
    labels[`content.descriptions.${offer.key}.nl`] = `${offer.name}, ${format(t.description, { language: t.languageNl })}`;
  });
  const form = useForm(fieldIds);
  const errorOf = (path: string) => form.errors[path];

  const change = (update: (current: Draft) => Draft) => {
    setMessage(null);
    setDraft(update);
  };
  const setBlock = (index: number, patch: Partial<BlockDraft>) =>
    change((current) => ({ ...current, blocks: current.blocks.map((block, at) => (at === index ? { ...block, ...patch } : block)) }));
  const setLink = (index: number, patch: Partial<LinkDraft>) =>
    change((current) => ({ ...current, links: current.links.map((link, at) => (at === index ? { ...link, ...patch } : link)) }));

  const check = () => {
    const errors: Record<string, string> = {};
    if (!draft.reviewedOn) errors.reviewedOn = t.errorReviewedOn;
    const keys = new Set<string>();
    draft.blocks.forEach((block, index) => {
      const key = block.key.trim();
      if (!KEY_PATTERN.test(key)) errors[`content.blocks.${index}.key`] = t.errorKey;
      else if (keys.has(key)) errors[`content.blocks.${index}.key`] = t.errorKeyTwice;
      keys.add(key);
      if (block.phases.length === 0) errors[`content.blocks.${index}.phases`] = t.errorPhases;
      if (!block.heading.nl.trim()) errors[`content.blocks.${index}.heading.nl`] = hasAny(block.heading) ? t.errorDutchFirst : t.errorRequired;
      if (!block.body.nl.trim()) errors[`content.blocks.${index}.body.nl`] = hasAny(block.body) ? t.errorDutchFirst : t.errorRequired;
    });
    draft.links.forEach((link, index) => {
      if (!isHttpsUrl(link.url)) errors[`content.links.${index}.url`] = t.errorUrl;
      if (link.phases.length === 0) errors[`content.links.${index}.phases`] = t.errorPhases;
      if (!link.title.nl.trim()) errors[`content.links.${index}.title.nl`] = hasAny(link.title) ? t.errorDutchFirst : t.errorRequired;
    });
    offers.forEach((offer) => {
      const texts = draft.descriptions[offer.key];
      if (texts && hasAny(texts) && !texts.nl.trim()) errors[`content.descriptions.${offer.key}.nl`] = t.errorDutchFirst;
    });
    return errors;
  };

  const save = form.submitWith(check, async () => {
    const saved = await parentContentApi.save(code, { content: contentOf(draft), reviewedOn: draft.reviewedOn, version });
    setVersion(saved.version);
    setMessage(t.saved);
    onSaved();
  });

  return (
    <>
      <Confirmation text={message} />
      {record ? null : <Paragraph>{t.none}</Paragraph>}
      <ErrorSummary {...form.summary} labels={labels} />
      <Form onSubmit={save}>
        <TextField
          id="pc-reviewed-on"
          type="date"
          label={t.reviewedOnLabel}
          description={t.reviewedOnHint}
          value={draft.reviewedOn}
          onValueChange={(reviewedOn) => change((current) => ({ ...current, reviewedOn }))}
          error={errorOf('reviewedOn')}
        />

        <Heading level={2}>{t.blocksTitle}</Heading>
        {draft.blocks.map((block, index) => (
          <Fieldset key={index} className="kr-pathway-box">
            <FieldsetLegend>{format(t.blockLegend, { number: index + 1 })}</FieldsetLegend>
            <TextField
              id={`pc-block-${index}-key`}
              label={t.blockKey}
              description={t.blockKeyHint}
              value={block.key}
              onValueChange={(key) => setBlock(index, { key })}
              error={errorOf(`content.blocks.${index}.key`)}
            />
            <CheckboxGroup
              id={`pc-block-${index}-phases`}
              legend={t.phasesLegend}
              options={phaseOptions}
              selected={block.phases}
              onSelectedChange={(phases) => setBlock(index, { phases: phases as ParentPhase[] })}
              error={errorOf(`content.blocks.${index}.phases`)}
            />
            {PARENT_LANGUAGES.map((language) => (
              <div key={language}>
                <TextField
                  id={`pc-block-${index}-heading-${language}`}
                  label={format(t.heading, { language: languageName(language) })}
                  isOptional={language !== 'nl'}
                  {...inputLanguage(language)}
                  value={block.heading[language]}
                  onValueChange={(text) => setBlock(index, { heading: { ...block.heading, [language]: text } })}
                  error={errorOf(`content.blocks.${index}.heading.${language}`)}
                />
                <TextAreaField
                  id={`pc-block-${index}-body-${language}`}
                  label={format(t.body, { language: languageName(language) })}
                  isOptional={language !== 'nl'}
                  {...inputLanguage(language)}
                  value={block.body[language]}
                  onValueChange={(text) => setBlock(index, { body: { ...block.body, [language]: text } })}
                  error={errorOf(`content.blocks.${index}.body.${language}`)}
                  rows={3}
                />
              </div>
            ))}
            <ButtonGroup>
              <Button
                variant="subtle"
                onClick={() => {
                  change((current) => ({ ...current, blocks: current.blocks.filter((_block, at) => at !== index) }));
                  focusOn('pc-add-block');
                }}
              >
                {format(t.removeBlock, { number: index + 1 })}
              </Button>
            </ButtonGroup>
          </Fieldset>
        ))}
        <ButtonGroup>
          <Button
            id="pc-add-block"
            variant="secondary"
            onClick={() => {
              change((current) => ({ ...current, blocks: [...current.blocks, { key: '', phases: [], heading: emptyTexts(), body: emptyTexts() }] }));
              focusOn(`pc-block-${draft.blocks.length}-key`);
            }}
          >
            {t.addBlock}
          </Button>
        </ButtonGroup>

        <Heading level={2}>{t.linksTitle}</Heading>
        {draft.links.map((link, index) => (
          <Fieldset key={index} className="kr-pathway-box">
            <FieldsetLegend>{format(t.linkLegend, { number: index + 1 })}</FieldsetLegend>
            <TextField
              id={`pc-link-${index}-url`}
              type="text"
              inputMode="text"
              label={t.linkUrl}
              description={t.linkUrlHint}
              value={link.url}
              onValueChange={(url) => setLink(index, { url })}
              error={errorOf(`content.links.${index}.url`)}
            />
            {PARENT_LANGUAGES.map((language) => (
              <TextField
                key={language}
                id={`pc-link-${index}-title-${language}`}
                label={format(t.linkTitle, { language: languageName(language) })}
                isOptional={language !== 'nl'}
                {...inputLanguage(language)}
                value={link.title[language]}
                onValueChange={(text) => setLink(index, { title: { ...link.title, [language]: text } })}
                error={errorOf(`content.links.${index}.title.${language}`)}
              />
            ))}
            <CheckboxGroup
              id={`pc-link-${index}-phases`}
              legend={t.phasesLegend}
              options={phaseOptions}
              selected={link.phases}
              onSelectedChange={(phases) => setLink(index, { phases: phases as ParentPhase[] })}
              error={errorOf(`content.links.${index}.phases`)}
            />
            <ButtonGroup>
              <Button
                variant="subtle"
                onClick={() => {
                  change((current) => ({ ...current, links: current.links.filter((_link, at) => at !== index) }));
                  focusOn('pc-add-link');
                }}
              >
                {format(t.removeLink, { number: index + 1 })}
              </Button>
            </ButtonGroup>
          </Fieldset>
        ))}
        <ButtonGroup>
          <Button
            id="pc-add-link"
            variant="secondary"
            onClick={() => {
              change((current) => ({ ...current, links: [...current.links, { url: 'https://', title: emptyTexts(), phases: [...PARENT_PHASES] }] }));
              focusOn(`pc-link-${draft.links.length}-url`);
            }}
          >
            {t.addLink}
          </Button>
        </ButtonGroup>

        <Heading level={2}>{t.offersTitle}</Heading>
        <Paragraph>{offers.length === 0 ? t.offersNone : t.offersIntro}</Paragraph>
        {offers.map((offer, index) => {
          const texts = draft.descriptions[offer.key] ?? emptyTexts();
          return (
            <Fieldset key={offer.key} className="kr-pathway-box">
              <FieldsetLegend>{offer.name}</FieldsetLegend>
              <SelectField
                id={`pc-offer-${index}-cost`}
                label={t.costLabel}
                value={draft.costs[offer.key] ?? ''}
                emptyOption={format(t.costDefault, { cost: t[`cost_${offer.defaultCost}`] })}
                options={PARENT_COSTS.map((cost) => ({ value: cost, label: t[`cost_${cost}`] }))}
                onValueChange={(cost) =>
                  change((current) => {
                    const costs = { ...current.costs };
                    if (cost) costs[offer.key] = cost as ParentCost;
                    else delete costs[offer.key];
                    return { ...current, costs };
                  })
                }
              />
              {offer.isActivity ? (
                <CheckboxGroup
                  id={`pc-offer-${index}-phases`}
                  legend={t.activityPhasesLegend}
                  options={phaseOptions}
                  selected={draft.activityPhases[offer.key] ?? []}
                  onSelectedChange={(phases) => change((current) => ({ ...current, activityPhases: { ...current.activityPhases, [offer.key]: phases as ParentPhase[] } }))}
                />
              ) : null}
              {PARENT_LANGUAGES.map((language) => (
                <TextAreaField
                  key={language}
                  id={`pc-offer-${index}-description-${language}`}
                  label={format(t.description, { language: languageName(language) })}
                  isOptional
                  {...inputLanguage(language)}
                  value={texts[language]}
                  onValueChange={(text) => change((current) => ({ ...current, descriptions: { ...current.descriptions, [offer.key]: { ...texts, [language]: text } } }))}
                  error={errorOf(`content.descriptions.${offer.key}.${language}`)}
                  rows={2}
                />
              ))}
            </Fieldset>
          );
        })}
        <FormButtons submitLabel={t.save} isSubmitting={form.isSubmitting} />
      </Form>
    </>
  );
}
