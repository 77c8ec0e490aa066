// SPDX-License-Identifier: EUPL-1.2
// /ouders/{code}?fase=…: for one municipality and phase, the coalition's texts, the help nearby with
// what it costs and who pays, how to register with youth health care, and reliable national sites —
// in the chosen language, with text that has no translation marked as Dutch.
import { useParams, useSearchParams } from 'react-router';
import { PARENT_PHASES, type ParentPhase } from '../../../contracts/parents-public.js';
import { ApiError } from '../../api/client.js';
import { useAsync } from '../../components/page.js';
import { ButtonLink, ExternalLink, Heading, Link, Paragraph } from '../../components/ui.js';
import { parentsApi, type ParentPage } from './api.js';
import { ParentsLoading, ParentsPage } from './parents-layout.js';
import { InLanguage, langAttributes, useParentsLanguage } from './parents-language.js';
import { phaseFrom, PHASE_PARAM } from './parent-choice.js';

/** The phases in which a parent can register herself, and for what. */
export const REGISTRATION_KIND_OF: Partial<Record<ParentPhase, 'prenatal_home_visit' | 'wish_for_child_talk'>> = {
  kinderwens: 'wish_for_child_talk',
  zwanger: 'prenatal_home_visit',
};

export default function ParentMunicipalityPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const phase = phaseFrom(params);
  const { lang, t } = useParentsLanguage();
  const page = useAsync(() => parentsApi.page(code, phase, lang), [code, phase, lang]);

  if (page.error) {
    const isUnknown = page.error instanceof ApiError && (page.error.status === 404 || page.error.status === 400);
    return (
      <ParentsPage title={isUnknown ? t.municipalityNone : t.errorGeneral}>
        <Paragraph>
          <BackLink />
        </Paragraph>
      </ParentsPage>
    );
  }
  if (!page.data) return <ParentsLoading />;
  return <PageContent page={page.data} />;
}

function BackLink() {
  const { t, to } = useParentsLanguage();
  return <Link to={to('/ouders')}>{t.otherMunicipality}</Link>;
}

function PageContent({ page }: { page: ParentPage }) {
  const { lang, t, format, to } = useParentsLanguage();
  const phaseName = t[`phase_${page.phase}`];
  const reviewed = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(`${page.reviewedOn}T12:00:00Z`));
  const kind = REGISTRATION_KIND_OF[page.phase];
  const dutch = langAttributes('nl', lang);
  return (
    <ParentsPage title={format(t.pageTitle, { phase: phaseName, municipality: page.municipality.name })}>
      <Paragraph>{format(t.reviewedOn, { date: reviewed })}</Paragraph>
      <nav aria-label={t.phaseLabel}>
        <ul className="kr-parents__phases">
          {PARENT_PHASES.map((each) => (
            <li key={each}>
              <Link to={to(`/ouders/${page.municipality.code}`, { [PHASE_PARAM]: each })} aria-current={each === page.phase ? 'page' : undefined}>
                {t[`phase_${each}`]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {page.blocks.map((block) => (
        <section key={block.key} aria-labelledby={`block-${block.key}`}>
          <Heading level={2} id={`block-${block.key}`} {...langAttributes(block.heading.lang, lang)}>
            {block.heading.text}
          </Heading>
          <InLanguage value={block.body} as="p" />
        </section>
      ))}

      <section aria-labelledby="offer-title">
        <Heading level={2} id="offer-title">
          {t.offerTitle}
        </Heading>
        {page.offers.length === 0 ? (
          <Paragraph>{t.offerEmpty}</Paragraph>
        ) : (
          <ul className="kr-parents__offers">
            {page.offers.map((offer) => (
              <li key={`${offer.name}/${offer.providerName}`} className="kr-parents__offer">
                <Heading level={3} {...dutch}>
                  {offer.name}
                </Heading>
                <Paragraph>
                  {t.offerBy} <span {...dutch}>{offer.providerName}</span>
                </Paragraph>
                {offer.description ? <InLanguage value={offer.description} as="p" /> : null}
                <Paragraph>
                  <strong>{t.costLabel}</strong> {t[`cost_${offer.cost}`]}
                </Paragraph>
                {offer.waitingWeeks !== null && offer.waitingWeeks > 0 ? <Paragraph>{format(t.offerWaiting, { weeks: offer.waitingWeeks })}</Paragraph> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {page.canSelfRegister && kind ? (
        <section aria-labelledby="register-title">
          <Heading level={2} id="register-title">
            {t.registerTitle}
          </Heading>
          <Paragraph>{t.registerIntro}</Paragraph>
          <ButtonLink to={to(`/ouders/${page.municipality.code}/aanmelden`, { soort: kind })}>{t.registerLink}</ButtonLink>
        </section>
      ) : null}

      {page.links.length > 0 ? (
        <section aria-labelledby="links-title">
          <Heading level={2} id="links-title">
            {t.linksTitle}
          </Heading>
          <ul>
            {page.links.map((link) => (
              <li key={link.url}>
                <ExternalLink href={link.url} hrefLang="nl" {...langAttributes(link.title.lang, lang)}>
                  {link.title.text}
                </ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Paragraph>
        <BackLink />
      </Paragraph>
    </ParentsPage>
  );
}
