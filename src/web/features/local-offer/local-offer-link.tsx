// SPDX-License-Identifier: EUPL-1.2
// The way from the plan of approach's step 6 (interventions) to the coalition's local offer.
import { Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';

/** For the plan of approach's step 6 (interventions): the way to the coalition's local offer. */
export function LocalOfferLink({ code }: { code: string }) {
  const { m } = useMessages();
  return (
    <Paragraph>
      <Link to={`/coalities/${code}/aanbod`}>{m.localOffer.planStepLink}</Link>
    </Paragraph>
  );
}
