// SPDX-License-Identifier: EUPL-1.2
// From factor to help: per risk factor the care pathway of the family's municipality (or its
// coalition): local agreements, the steps, and the services with whom to contact.
import type { CarePathway, FamilyPathways } from '../../../contracts/pathways.js';
import { AsyncContent, useAsync } from '../../components/page.js';
import { ButtonGroup, ButtonLink, ExternalLink, Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { screeningApi } from './api.js';
import { ServiceMarks } from '../pathways/service-marks.js';

export function PathwaySuggestions({ familyId, screeningId, mayRefer = false }: { familyId: string; screeningId: string; mayRefer?: boolean }) {
  const { m, format } = useMessages();
  const state = useAsync(() => screeningApi.pathways(familyId, screeningId), [familyId, screeningId]);
  return (
    <AsyncContent state={state}>
      {(data) => (
        <section className="kr-section" aria-labelledby="pathways-title">
          <Heading level={2} id="pathways-title">
            {format(m.screening.pathwaysTitle, { municipality: data.municipalityName })}
          </Heading>
          <Paragraph>{m.screening.pathwaysIntro}</Paragraph>
          {data.suggestions.length === 0 ? <Paragraph>{m.screening.pathwaysNone}</Paragraph> : null}
          {data.suggestions.map((suggestion) => (
            <article key={suggestion.factorKey} className="kr-pathway" aria-labelledby={`pathway-${suggestion.factorKey}`}>
              <Heading level={3} id={`pathway-${suggestion.factorKey}`}>
                {suggestion.factorLabel}
              </Heading>
              {suggestion.pathway ? (
                <PathwayView pathway={suggestion.pathway} data={data} refer={mayRefer ? { familyId, screeningId } : null} />
              ) : (
                <Paragraph>{format(m.screening.pathwayMissing, { municipality: data.municipalityName })}</Paragraph>
              )}
            </article>
          ))}
        </section>
      )}
    </AsyncContent>
  );
}

function PathwayView({ pathway, data, refer }: { pathway: CarePathway; data: FamilyPathways; refer: { familyId: string; screeningId: string } | null }) {
  const { m, format, formatDate } = useMessages();
  return (
    <>
      <Paragraph>
        <strong>{pathway.title}</strong>
        <br />
        {pathway.level === 'municipality'
          ? format(m.screening.levelMunicipality, { municipality: data.municipalityName })
          : format(m.screening.levelCoalition, { coalition: data.coalitionName ?? pathway.scopeCode })}
        {' · '}
        {format(m.screening.pathwayVersion, { version: pathway.version, date: formatDate(pathway.updatedAt) })}
      </Paragraph>
      <Heading level={4} appearance="utrecht-heading-5">
        {m.screening.localAgreements}
      </Heading>
      <Paragraph>{pathway.localAgreements}</Paragraph>
      <Heading level={4} appearance="utrecht-heading-5">
        {m.screening.steps}
      </Heading>
      <ol className="kr-pathway__steps">
        {pathway.steps.map((step, index) => (
          <li key={index}>
            <strong>{step.title}</strong>
            <Paragraph>{step.description}</Paragraph>
            {step.services.length > 0 ? (
              <ul className="kr-pathway__services" aria-label={`${m.screening.services}: ${step.title}`}>
                {step.services.map((service) => (
                  <li key={`${service.organisationName}-${service.name}`}>
                    <strong>{service.name}</strong> — {service.organisationName}
                    <ServiceMarks service={service} />
                    <dl className="kr-details">
                      {service.contact.phone ? (
                        <>
                          <dt>{m.screening.phone}</dt>
                          <dd>
                            <ExternalLink href={`tel:${service.contact.phone.replace(/[^0-9+]/g, '')}`}>{service.contact.phone}</ExternalLink>
                          </dd>
                        </>
                      ) : null}
                      {service.contact.email ? (
                        <>
                          <dt>{m.screening.email}</dt>
                          <dd>
                            <ExternalLink href={`mailto:${service.contact.email}`}>{service.contact.email}</ExternalLink>
                          </dd>
                        </>
                      ) : null}
                      {service.contact.website ? (
                        <>
                          <dt>{m.screening.website}</dt>
                          <dd>
                            <ExternalLink href={service.contact.website} rel="noreferrer" target="_blank">
                              {service.contact.website}
                            </ExternalLink>
                          </dd>
                        </>
                      ) : null}
                      {service.conditions ? (
                        <>
                          <dt>{m.screening.conditions}</dt>
                          <dd>{service.conditions}</dd>
                        </>
                      ) : null}
                    </dl>
                    <ServiceActions service={service} pathway={pathway} refer={refer} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

type PathwayService = CarePathway['steps'][number]['services'][number];

/**
 * From the pathway into the chain: at a platform organisation's service "Verwijzen" opens the
 * referral form with the receiver, the factor and a reason filled in; at an external provider a
 * printable contact card / warm hand-over letter (nothing about the client unless she adds it there).
 */
function ServiceActions({ service, pathway, refer }: { service: PathwayService; pathway: CarePathway; refer: { familyId: string; screeningId: string } | null }) {
  const { m, format } = useMessages();
  const t = m.pathwayServices;
  if (!service.directory || !service.serviceId || !service.directory.isActive) return null;
  const receiver = service.directory.referralOrganisationId;
  if (receiver) {
    if (!refer) return null;
    const query = new URLSearchParams({
      verwijzen: refer.screeningId,
      ontvanger: receiver,
      factor: pathway.factorKey,
      reden: format(t.referralReason, { pathway: pathway.title, factor: pathway.factorLabel, service: service.name }),
    });
    return (
      <ButtonGroup>
        <ButtonLink to={`/clienten/${refer.familyId}/verwijzingen?${query.toString()}`} aria-label={format(t.referLabel, { name: service.name })}>
          {t.refer}
        </ButtonLink>
      </ButtonGroup>
    );
  }
  const query = new URLSearchParams({ factor: pathway.factorKey });
  return (
    <ButtonGroup>
      <ButtonLink to={`/zorgpaden/contactkaart/${service.serviceId}?${query.toString()}`} aria-label={format(t.contactCardLabel, { name: service.name })}>
        {t.contactCard}
      </ButtonLink>
    </ButtonGroup>
  );
}
