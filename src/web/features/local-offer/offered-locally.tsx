// SPDX-License-Identifier: EUPL-1.2
// On an intervention's page of the menu: where coalitions offer it today, each with a link to that
// coalition's local offer.
import { AsyncContent, useAsync } from '../../components/page.js';
import { Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { localOfferApi, type LocalOffer } from './api.js';

export function OfferedLocally({ interventionKey }: { interventionKey: string }) {
  const { m, format } = useMessages();
  const t = m.localOffer;
  const state = useAsync(() => localOfferApi.find({ intervention: interventionKey, current: 'true', pageSize: 200 }), [interventionKey]);
  return (
    <section aria-labelledby="offered-locally">
      <Heading level={2} id="offered-locally">
        {t.offeredLocallyTitle}
      </Heading>
      <AsyncContent state={state}>
        {(page) => {
          // One line per coalition, however many of its municipalities have their own offer.
          const byCoalition = new Map<string, LocalOffer['coalition']>(page.items.map((offer) => [offer.coalition.code, offer.coalition]));
          return byCoalition.size === 0 ? (
            <Paragraph>{t.offeredLocallyEmpty}</Paragraph>
          ) : (
            <ul className="utrecht-unordered-list" aria-label={t.offeredLocallyCaption}>
              {[...byCoalition.values()].map((coalition) => (
                <li key={coalition.code}>
                  <Link to={`/coalities/${coalition.code}/aanbod`}>{format(t.offeredLocallyIn, { name: coalition.name })}</Link>
                </li>
              ))}
            </ul>
          );
        }}
      </AsyncContent>
    </section>
  );
}
