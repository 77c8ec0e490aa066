// SPDX-License-Identifier: EUPL-1.2
// /ouders/{code}/aanmelden: a parent registers herself with youth health care — for what, her name, how
// and when to be contacted, her language, safe contact, and her own consent in plain words. The form's
// idempotency key lives in this tab per municipality and kind, so sending again (a double click, going
// back and sending once more) gives the same registration. Errors come back in the page's language.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  CONTACT_MOMENTS,
  PARENT_LANGUAGES,
  SELF_REGISTRATION_KINDS,
  type ParentLanguage,
  type SelfRegistrationKind,
} from '../../../contracts/parents-public.js';
import { parentsPublicNl } from '../../../contracts/i18n/sections/parents-public.js';
import { ApiError } from '../../api/client.js';
import { CheckboxField, CheckboxGroup } from '../../components/fields.js';
import { useAsync } from '../../components/page.js';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  Textbox,
} from '../../components/ui.js';
import { parentsApi, type SelfRegistrationReceipt } from './api.js';
import { ParentsLoading, ParentsPage } from './parents-layout.js';
import { langAttributes, useParentsLanguage, type ParentsText } from './parents-language.js';
import { ParentsErrorSummary, RadioGroup } from './parent-choice.js';

type Field = 'kind' | 'name' | 'contactBy' | 'phone' | 'email' | 'contactMoments' | 'language' | 'consent' | 'municipalityCode';
const FIELD_IDS: Record<Field, string> = {
  kind: 'kind',
  name: 'name',
  contactBy: 'contactBy',
  phone: 'phone',
  email: 'email',
  contactMoments: 'contactMoments',
  language: 'language',
  consent: 'consent',
  municipalityCode: 'name',
};
const LANGUAGE_NAMES = { nl: 'languageNl', en: 'languageEn', ar: 'languageAr' } as const;

/** The server answers in the catalogue's Dutch: the same sentence in the page's language. */
export function inPageLanguage(message: string, t: ParentsText): string {
  const key = (Object.keys(parentsPublicNl.parentsPublic) as (keyof ParentsText)[]).find((candidate) => parentsPublicNl.parentsPublic[candidate] === message);
  return key ? t[key] : message;
}

function storedKey(storageKey: string): string {
  try {
    const existing = sessionStorage.getItem(storageKey);
    if (existing) return existing;
    const fresh = crypto.randomUUID();
    sessionStorage.setItem(storageKey, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}

export default function SelfRegistrationPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { lang, t, format, to } = useParentsLanguage();
  const page = useAsync(() => parentsApi.page(code, 'zwanger', lang), [code, lang]);
  const asked = params.get('soort');
  const [kind, setKind] = useState<SelfRegistrationKind | ''>((SELF_REGISTRATION_KINDS as readonly string[]).includes(asked ?? '') ? (asked as SelfRegistrationKind) : '');
  const [name, setName] = useState('');
  const [contactBy, setContactBy] = useState<'phone' | 'email'>('phone');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [moments, setMoments] = useState<string[]>([]);
  // Follows the page's language until she chooses another.
  const [chosenLanguage, setLanguage] = useState<ParentLanguage | null>(null);
  const language = chosenLanguage ?? lang;
  const [noMessages, setNoMessages] = useState(false);
  const [onlyAtMoments, setOnlyAtMoments] = useState(false);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [receipt, setReceipt] = useState<SelfRegistrationReceipt | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (receipt) sentRef.current?.focus();
  }, [receipt]);

  if (page.error) {
    return (
      <ParentsPage title={t.municipalityNone}>
        <Paragraph>
          <Link to={to('/ouders')}>{t.otherMunicipality}</Link>
        </Paragraph>
      </ParentsPage>
    );
  }
  if (!page.data) return <ParentsLoading />;
  const municipality = page.data.municipality;
  const title = format(t.formTitle, { municipality: municipality.name });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSubmitting) return;
    setIsSubmitting(true);
    try {
      const sent = await parentsApi.register({
        municipalityCode: municipality.code,
        kind: kind as SelfRegistrationKind,
        name,
        phone: contactBy === 'phone' ? phone : '',
        email: contactBy === 'email' ? email : '',
        contactBy,
        contactMoments: CONTACT_MOMENTS.filter((moment) => moments.includes(moment)),
        language,
        noMessages,
        onlyAtMoments,
        consent: consent as true,
        idempotencyKey: storedKey(`kansrijk.parents.registration.${municipality.code}.${kind || 'none'}`),
      });
      setErrors({});
      setGeneral(null);
      setReceipt(sent);
    } catch (error) {
      const found: Partial<Record<Field, string>> = {};
      if (error instanceof ApiError) {
        for (const fieldError of error.fieldErrors) {
          const field = fieldError.path.replace(/^body\./, '').split('.')[0] as Field;
          if (field in FIELD_IDS && !found[field]) found[field] = inPageLanguage(fieldError.message, t);
        }
      }
      setErrors(found);
      setGeneral(Object.keys(found).length > 0 ? null : error instanceof ApiError && error.status === 429 ? t.errorRateLimited : t.errorGeneral);
      setFocusKey((key) => key + 1);
    } finally {
      setIsSubmitting(false);
    }
  };

  if (receipt) {
    return (
      <ParentsPage title={title}>
        <Alert type="ok" ref={sentRef} tabIndex={-1}>
          <Heading level={2}>{t.sentTitle}</Heading>
          <Paragraph>
            {format(t.sentText, { organisation: '\u2068' + receipt.receiverOrganisationName + '\u2069' })}
          </Paragraph>
        </Alert>
        <Paragraph>
          <Link to={to(`/ouders/${municipality.code}`)}>{t.otherMunicipality}</Link>
        </Paragraph>
      </ParentsPage>
    );
  }

  const textField = (field: 'name' | 'phone' | 'email', label: string, value: string, onChange: (value: string) => void, type: 'text' | 'tel' | 'email', autoComplete: string) => (
    <FormField
      invalid={Boolean(errors[field])}
      type="text"
      label={<FormLabel htmlFor={field}>{label}</FormLabel>}
      errorMessage={errors[field] ? <FormFieldErrorMessage id={`${field}-error`}>{errors[field]}</FormFieldErrorMessage> : undefined}
      input={
        <Textbox
          id={field}
          name={field}
          type={type}
          dir={type === 'text' ? undefined : 'ltr'}
          autoComplete={autoComplete}
          value={value}
          invalid={Boolean(errors[field])}
          aria-describedby={errors[field] ? `${field}-error` : undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      }
    />
  );

  return (
    <ParentsPage title={title} intro={t.formIntro}>
      <ParentsErrorSummary errors={errors as Record<string, string>} fieldIds={FIELD_IDS} focusKey={focusKey} general={general} />
      <form noValidate onSubmit={submit} className="kr-form" aria-labelledby="page-title">
        <RadioGroup
          id="kind"
          legend={t.kindLabel}
          value={kind}
          onChange={setKind}
          error={errors.kind}
          options={SELF_REGISTRATION_KINDS.map((value) => ({ value, label: t[`kind_${value}`] }))}
        />
        {textField('name', t.nameLabel, name, setName, 'text', 'name')}
        <RadioGroup
          id="contactBy"
          legend={t.contactByLabel}
          value={contactBy}
          onChange={setContactBy}
          error={errors.contactBy}
          options={(['phone', 'email'] as const).map((value) => ({ value, label: t[`contactBy_${value}`] }))}
        />
        {contactBy === 'phone' ? textField('phone', t.phoneLabel, phone, setPhone, 'tel', 'tel') : textField('email', t.emailLabel, email, setEmail, 'email', 'email')}
        <CheckboxGroup
          id="contactMoments"
          legend={t.momentsLabel}
          error={errors.contactMoments}
          options={CONTACT_MOMENTS.map((value) => ({ value, label: t[`moment_${value}`] }))}
          selected={moments}
          onSelectedChange={setMoments}
        />
        <RadioGroup
          id="language"
          legend={t.languageChoiceLabel}
          value={language}
          onChange={setLanguage}
          error={errors.language}
          options={PARENT_LANGUAGES.map((value) => ({ value, label: t[LANGUAGE_NAMES[value]], ...langAttributes(value, lang) }))}
        />
        <Fieldset id="safe" aria-describedby="safe-intro">
          <FieldsetLegend>{t.safeTitle}</FieldsetLegend>
          <Paragraph id="safe-intro">{t.safeIntro}</Paragraph>
          <CheckboxField id="noMessages" label={t.noMessagesLabel} checked={noMessages} onCheckedChange={setNoMessages} />
          <CheckboxField id="onlyAtMoments" label={t.onlyAtMomentsLabel} checked={onlyAtMoments} onCheckedChange={setOnlyAtMoments} />
        </Fieldset>
        <Fieldset id="consent-group" invalid={Boolean(errors.consent)} aria-describedby={['consent-text', errors.consent ? 'consent-error' : null].filter(Boolean).join(' ')}>
          <FieldsetLegend>{t.consentTitle}</FieldsetLegend>
          <Paragraph id="consent-text">{t.consentText}</Paragraph>
          {errors.consent ? <FormFieldErrorMessage id="consent-error">{errors.consent}</FormFieldErrorMessage> : null}
          <CheckboxField id="consent" label={t.consentLabel} checked={consent} onCheckedChange={setConsent} />
        </Fieldset>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {isSubmitting ? t.submitting : t.submit}
        </Button>
      </form>
    </ParentsPage>
  );
}
