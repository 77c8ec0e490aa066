// SPDX-License-Identifier: EUPL-1.2
// The basis on which a referral is sent or forwarded: a valid consent of the family for the receiver,
// or a legal ground with its justification — or, in the new-referral form only, the client's own consent
// later in Mijn Kansrijke Start (the referral waits for it). Used by the new-referral form and the forward form.
import type { ReactNode } from 'react';
import { SelectField, TextAreaField } from '../../components/fields.js';
import { Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { Consent } from './api.js';

export type ReferralBasis = 'consent' | 'legal' | 'client';

export function LegalBasisFields({
  ids,
  basis,
  onBasisChange,
  consents,
  isNoValidConsentShown,
  consentId,
  onConsentIdChange,
  legalGround,
  onLegalGroundChange,
  justification,
  onJustificationChange,
  errors,
  consentInstead,
  allowsClientConsent = false,
}: {
  /** Element ids of the four fields (the forms' error summaries and focus point to them). */
  ids: { basis: string; consent: string; legalGround: string; justification: string };
  basis: ReferralBasis;
  onBasisChange(basis: ReferralBasis): void;
  /** The valid referral consents for the chosen receiver. */
  consents: readonly Consent[];
  /** Say under the consent field that there is no valid consent. */
  isNoValidConsentShown: boolean;
  consentId: string;
  onConsentIdChange(value: string): void;
  legalGround: string;
  onLegalGroundChange(value: string): void;
  justification: string;
  onJustificationChange(value: string): void;
  errors: { consent?: string | undefined; legalGround?: string | undefined; justification?: string | undefined };
  /** Shown instead of the consent choice (the referral form's fields to record a consent there and then). */
  consentInstead?: ReactNode;
  /** Offer "the client gives consent herself" (the referral waits for it): only when a referral is made. */
  allowsClientConsent?: boolean;
}) {
  const { m, format, formatDate } = useMessages();
  return (
    <>
      <SelectField
        id={ids.basis}
        label={m.referrals.basis}
        value={basis}
        onValueChange={(value) => onBasisChange(value === 'legal' ? 'legal' : value === 'client' && allowsClientConsent ? 'client' : 'consent')}
        options={[
          { value: 'consent', label: m.referrals.basisConsent },
          ...(allowsClientConsent ? [{ value: 'client', label: m.referrals.basisClientConsent }] : []),
          { value: 'legal', label: m.referrals.basisLegalGround },
        ]}
      />
      {basis === 'client' ? (
        <Paragraph>{m.referrals.clientConsentDescription}</Paragraph>
      ) : basis === 'consent' && consentInstead ? (
        consentInstead
      ) : basis === 'consent' ? (
        <SelectField
          id={ids.consent}
          label={m.referrals.consent}
          value={consentId}
          onValueChange={onConsentIdChange}
          emptyOption={m.shell.choose}
          description={isNoValidConsentShown ? m.referrals.noValidConsent : undefined}
          options={consents.map((consent) => ({ value: consent.id, label: `${consent.receiverOrganisationName} (${format(m.referrals.validFromTo, { from: formatDate(consent.givenOn), until: formatDate(consent.validUntil) })})` }))}
          error={errors.consent}
        />
      ) : (
        <>
          <SelectField
            id={ids.legalGround}
            label={m.referrals.legalGround}
            value={legalGround}
            onValueChange={onLegalGroundChange}
            emptyOption={m.shell.choose}
            options={(Object.keys(m.referralLegalGrounds) as (keyof typeof m.referralLegalGrounds)[]).map((value) => ({ value, label: m.referralLegalGrounds[value] }))}
            error={errors.legalGround}
          />
          <TextAreaField
            rows={3}
            id={ids.justification}
            label={m.referrals.justification}
            description={m.referrals.justificationDescription}
            value={justification}
            onValueChange={onJustificationChange}
            error={errors.justification}
          />
        </>
      )}
    </>
  );
}
