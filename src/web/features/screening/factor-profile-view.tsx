// SPDX-License-Identifier: EUPL-1.2
// The result of a screening: per life domain the risk and protective factors, the professional's
// concern and judgement, the accumulation and the suggested support level — no score.
import type { Screening } from '../../../contracts/screening.js';
import { Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

export function FactorProfileView({ screening }: { screening: Screening }) {
  const { m, format, formatDateTime } = useMessages();
  const profile = screening.profile;
  if (!profile) return null;
  const { professional, accumulation } = profile;
  return (
    <>
      <Paragraph>
        {format(m.screening.completedOn, {
          date: formatDateTime(screening.completedAt ?? screening.updatedAt),
          author: screening.authorName,
          organisation: screening.organisationName,
          instrument: format(m.screening.instrumentVersion, { title: screening.questionnaireTitle, version: screening.questionnaireVersion }),
        })}
      </Paragraph>

      <section className="kr-section" aria-labelledby="profile-summary">
        <Heading level={2} id="profile-summary">
          {m.screening.accumulationTitle}
        </Heading>
        <Paragraph>{format(m.screening.accumulation, { domains: accumulation.domainsWithRisk, total: profile.domains.length })}</Paragraph>
        <ul className="kr-plain-list">
          <li>{format(m.screening.riskCount, { count: accumulation.riskFactorCount })}</li>
          <li>{format(m.screening.protectiveCount, { count: accumulation.protectiveFactorCount })}</li>
        </ul>
        {screening.supportTier ? (
          <>
            <Heading level={3}>{m.screening.tierTitle}</Heading>
            <Paragraph>
              <strong>{m.screening[`tier_${screening.supportTier}`]}</strong>
            </Paragraph>
            <Paragraph className="kr-help">{m.screening.tierExplanation}</Paragraph>
          </>
        ) : null}
      </section>

      <section className="kr-section" aria-labelledby="profile-professional">
        <Heading level={2} id="profile-professional">
          {m.screening.professionalTitle}
        </Heading>
        <dl className="kr-details">
          <dt>{m.screening.concern}</dt>
          <dd>{professional.concern ? m.screening[`concern_${professional.concern}`] : m.screening.concern_unknown}</dd>
          <dt>{m.screening.judgement}</dt>
          <dd>{professional.judgement ?? m.screening.judgementEmpty}</dd>
          <dt>{m.screening.helpWanted}</dt>
          <dd>{professional.isHelpWanted === null ? m.screening.helpWantedUnknown : professional.isHelpWanted ? m.app.yes : m.app.no}</dd>
        </dl>
      </section>

      <section className="kr-section" aria-labelledby="profile-domains">
        <Heading level={2} id="profile-domains">
          {m.screening.domainsTitle}
        </Heading>
        <div className="kr-domains">
          {profile.domains.map((domain) => (
            <section key={domain.domain} className="kr-domain" aria-labelledby={`domain-${domain.domain}`}>
              <Heading level={3} id={`domain-${domain.domain}`}>
                {domain.label}
              </Heading>
              <Heading level={4} appearance="utrecht-heading-5">
                {m.screening.risks}
              </Heading>
              {domain.risks.length === 0 ? (
                <Paragraph>{m.screening.noneFound}</Paragraph>
              ) : (
                <ul aria-label={`${m.screening.risks}: ${domain.label}`}>
                  {domain.risks.map((risk) => (
                    <li key={risk.key}>{risk.label}</li>
                  ))}
                </ul>
              )}
              <Heading level={4} appearance="utrecht-heading-5">
                {m.screening.protectives}
              </Heading>
              {domain.protectives.length === 0 ? (
                <Paragraph>{m.screening.noneFound}</Paragraph>
              ) : (
                <ul aria-label={`${m.screening.protectives}: ${domain.label}`}>
                  {domain.protectives.map((factor) => (
                    <li key={factor.key}>{factor.label}</li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </section>
    </>
  );
}
