// SPDX-License-Identifier: EUPL-1.2
// One version of a care pathway as professionals read it (also the editor's preview and the print):
// the local agreements, then the steps with the support on offer and whom to contact.
import { Heading, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { PathwayVersion } from './api.js';
import { ServiceMarks } from './service-marks.js';
import './pathways.css';

type Shown = Pick<PathwayVersion, 'title' | 'localAgreements' | 'steps'> & { agreementTitles?: string[] };

export function PathwayView({ pathway, headingLevel = 2 }: { pathway: Shown; headingLevel?: 2 | 3 }) {
  const { m, format } = useMessages();
  const t = m.pathways;
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <div className="kr-pathway">
      <Heading level={headingLevel}>{pathway.title}</Heading>
      <Heading level={sub}>{t.localAgreements}</Heading>
      <Paragraph className="kr-pathway-text">{pathway.localAgreements || t.none}</Paragraph>
      {pathway.agreementTitles && pathway.agreementTitles.length > 0 ? (
        <>
          <Paragraph>{t.linkedAgreements}:</Paragraph>
          <ul>
            {pathway.agreementTitles.map((title, index) => (
              <li key={index}>{title}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Heading level={sub}>{t.steps}</Heading>
      <ol className="kr-pathway-steps">
        {pathway.steps.map((step, index) => (
          <li key={index} className="kr-pathway-step">
            <Heading level={(sub + 1) as 4 | 5}>{format(t.stepNumber, { number: index + 1 })}: {step.title}</Heading>
            {step.description ? <Paragraph className="kr-pathway-text">{step.description}</Paragraph> : null}
            {step.services.length === 0 ? (
              <Paragraph className="kr-pathway-empty">{t.noServices}</Paragraph>
            ) : (
              <ul className="kr-pathway-services">
                {step.services.map((service, serviceIndex) => (
                  <li key={serviceIndex}>
                    <strong>{service.name}</strong> — {service.organisationName}
                    <ServiceMarks service={service} />
                    <dl className="kr-pathway-contact">
                      {service.contact.phone ? (
                        <>
                          <dt>{t.phone}</dt>
                          <dd>{service.contact.phone}</dd>
                        </>
                      ) : null}
                      {service.contact.email ? (
                        <>
                          <dt>{t.email}</dt>
                          <dd className="kr-break-anywhere">{service.contact.email}</dd>
                        </>
                      ) : null}
                      {service.contact.website ? (
                        <>
                          <dt>{t.website}</dt>
                          <dd className="kr-break-anywhere">{service.contact.website}</dd>
                        </>
                      ) : null}
                    </dl>
                    {service.conditions ? <Paragraph>{format(t.conditions, { text: service.conditions })}</Paragraph> : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
