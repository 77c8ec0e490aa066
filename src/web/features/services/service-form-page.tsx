// SPDX-License-Identifier: EUPL-1.2
// Adding or correcting a service of the organisation admin's own organisation: the municipalities to
// choose from are her organisation's service area; the server checks the same (and the factor keys,
// phone, e-mail and website) and names each wrong field in Dutch. Saving also confirms the entry.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  INTAKE_ROUTES,
  SERVICE_CATEGORIES,
  SERVICE_COSTS,
  SERVICE_LANGUAGES,
  type IntakeRoute,
  type ServiceCategory,
  type ServiceCost,
  type ServiceLanguage,
} from '../../../contracts/services.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { organisationApi, referenceApi } from '../../api/endpoints.js';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { ButtonLink } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { useSession } from '../../session/session.js';
import { serviceApi, type Service } from './api.js';
import { categoryLabel, costLabel, intakeLabel, languageLabel } from './labels.js';

const FIELD_IDS = {
  name: 'service-name',
  externalProviderName: 'service-external-provider',
  description: 'service-description',
  category: 'service-category',
  factorKeys: 'service-factors',
  municipalityCodes: 'service-municipalities',
  intakeRoutes: 'service-intake',
  eligibility: 'service-eligibility',
  languages: 'service-languages',
  cost: 'service-cost',
  costNote: 'service-cost-note',
  phone: 'service-phone',
  email: 'service-email',
  website: 'service-website',
  openingHours: 'service-opening-hours',
} as const;
type Field = keyof typeof FIELD_IDS;

export default function ServiceFormPage() {
  const { id } = useParams();
  const { session } = useSession();
  const load = useAsync(async () => {
    const service = id ? await serviceApi.get(id) : null;
    const organisationId = service?.organisationId ?? session?.organisation?.id ?? '';
    const [organisation, municipalities] = await Promise.all([organisationApi.get(organisationId), referenceApi.municipalities({})]);
    const names = new Map(municipalities.map((municipality) => [municipality.code, municipality.name]));
    const area = organisation.municipalityCodes.map((code) => ({ value: code, label: names.get(code) ?? code }));
    return { service, area };
  }, [id]);
  return <AsyncContent state={load}>{({ service, area }) => <ServiceForm service={service} area={area} />}</AsyncContent>;
}

function ServiceForm({ service, area }: { service: Service | null; area: { value: string; label: string }[] }) {
  const { m, format } = useMessages();
  const t = m.services;
  const navigate = useNavigate();
  const form = useForm<Field>(FIELD_IDS, {
    fieldForCode: { service_municipality_outside_area: 'municipalityCodes', service_unknown_factor: 'factorKeys' },
  });
  const [name, setName] = useState(service?.name ?? '');
  const [externalProviderName, setExternalProviderName] = useState(service?.externalProviderName ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [category, setCategory] = useState<string>(service?.category ?? '');
  const [factorKeys, setFactorKeys] = useState<string[]>(service?.factorKeys ?? []);
  const [municipalityCodes, setMunicipalityCodes] = useState<string[]>(service?.municipalityCodes ?? (area.length === 1 ? [area[0]!.value] : []));
  const [intakeRoutes, setIntakeRoutes] = useState<string[]>(service?.intakeRoutes ?? ['self']);
  const [eligibility, setEligibility] = useState(service?.eligibility ?? '');
  const [languages, setLanguages] = useState<string[]>(service?.languages ?? ['nl']);
  const [cost, setCost] = useState<string>(service?.cost ?? 'free');
  const [costNote, setCostNote] = useState(service?.costNote ?? '');
  const [phone, setPhone] = useState(service?.phone ?? '');
  const [email, setEmail] = useState(service?.email ?? '');
  const [website, setWebsite] = useState(service?.website ?? '');
  const [openingHours, setOpeningHours] = useState(service?.openingHours ?? '');
  const [isActive, setIsActive] = useState(service?.isActive ?? true);

  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const submit = form.submitWith(
    () => {
      const errors: Partial<Record<Field, string>> = {};
      if (name.trim() === '') errors.name = t.errorNameRequired;
      if (category === '') errors.category = t.errorCategory;
      if (municipalityCodes.length === 0) errors.municipalityCodes = t.errorMunicipalityRequired;
      if (intakeRoutes.length === 0) errors.intakeRoutes = t.errorIntakeRequired;
      return errors;
    },
    async () => {
      const body = {
        name: name.trim(),
        externalProviderName: text(externalProviderName),
        description: text(description),
        category: category as ServiceCategory,
        factorKeys,
        municipalityCodes,
        intakeRoutes: intakeRoutes as IntakeRoute[],
        eligibility: text(eligibility),
        languages: languages as ServiceLanguage[],
        cost: cost as ServiceCost,
        costNote: text(costNote),
        phone: text(phone),
        email: text(email),
        website: text(website),
        openingHours: text(openingHours),
        isActive,
      };
      const saved = service ? await serviceApi.update(service.id, { ...body, version: service.version }) : await serviceApi.create(body);
      navigate(`/sociale-kaart/${saved.id}`);
    },
  );
  const labels: Record<Field, string> = {
    name: t.fieldName,
    externalProviderName: t.fieldExternalProvider,
    description: t.fieldDescription,
    category: t.fieldCategory,
    factorKeys: t.fieldFactors,
    municipalityCodes: t.fieldMunicipalities,
    intakeRoutes: t.fieldIntake,
    eligibility: t.fieldEligibility,
    languages: t.fieldLanguages,
    cost: t.fieldCost,
    costNote: t.fieldCostNote,
    phone: t.fieldPhone,
    email: t.fieldEmail,
    website: t.fieldWebsite,
    openingHours: t.fieldOpeningHours,
  };
  const e = form.errors;
  return (
    <Page title={service ? format(t.formTitleEdit, { name: service.name }) : t.formTitleNew} intro={t.formIntro}>
      <ErrorSummary {...form.summary} labels={labels} />
      <Form onSubmit={submit}>
        <TextField id={FIELD_IDS.name} label={t.fieldName} value={name} onValueChange={setName} error={e.name} />
        <TextField
          id={FIELD_IDS.externalProviderName}
          label={t.fieldExternalProvider}
          description={t.fieldExternalProviderDescription}
          value={externalProviderName}
          onValueChange={setExternalProviderName}
          error={e.externalProviderName}
          isOptional
        />
        <TextAreaField id={FIELD_IDS.description} label={t.fieldDescription} value={description} onValueChange={setDescription} error={e.description} isOptional />
        <SelectField
          id={FIELD_IDS.category}
          label={t.fieldCategory}
          value={category}
          onValueChange={setCategory}
          emptyOption=""
          options={SERVICE_CATEGORIES.map((value) => ({ value, label: categoryLabel(m, value) }))}
          error={e.category}
        />
        <CheckboxGroup
          id={FIELD_IDS.factorKeys}
          legend={t.fieldFactors}
          options={[...FACTOR_CATALOGUE.values()].map((factor) => ({ value: factor.key, label: factor.riskLabel }))}
          selected={factorKeys}
          onSelectedChange={setFactorKeys}
          error={e.factorKeys}
          isScrollable
        />
        <CheckboxGroup
          id={FIELD_IDS.municipalityCodes}
          legend={t.fieldMunicipalities}
          description={t.fieldMunicipalitiesDescription}
          options={area}
          selected={municipalityCodes}
          onSelectedChange={setMunicipalityCodes}
          error={e.municipalityCodes}
        />
        <CheckboxGroup
          id={FIELD_IDS.intakeRoutes}
          legend={t.fieldIntake}
          options={INTAKE_ROUTES.map((value) => ({ value, label: intakeLabel(m, value) }))}
          selected={intakeRoutes}
          onSelectedChange={setIntakeRoutes}
          error={e.intakeRoutes}
        />
        <TextAreaField id={FIELD_IDS.eligibility} label={t.fieldEligibility} value={eligibility} onValueChange={setEligibility} error={e.eligibility} isOptional />
        <CheckboxGroup
          id={FIELD_IDS.languages}
          legend={t.fieldLanguages}
          options={SERVICE_LANGUAGES.map((value) => ({ value, label: languageLabel(m, value) }))}
          selected={languages}
          onSelectedChange={setLanguages}
          error={e.languages}
        />
        <SelectField
          id={FIELD_IDS.cost}
          label={t.fieldCost}
          value={cost}
          onValueChange={setCost}
          options={SERVICE_COSTS.map((value) => ({ value, label: costLabel(m, value) }))}
          error={e.cost}
        />
        <TextField id={FIELD_IDS.costNote} label={t.fieldCostNote} value={costNote} onValueChange={setCostNote} error={e.costNote} isOptional />
        <TextField id={FIELD_IDS.phone} label={t.fieldPhone} type="tel" autoComplete="off" value={phone} onValueChange={setPhone} error={e.phone} isOptional />
        <TextField id={FIELD_IDS.email} label={t.fieldEmail} type="email" autoComplete="off" value={email} onValueChange={setEmail} error={e.email} isOptional />
        <TextField id={FIELD_IDS.website} label={t.fieldWebsite} value={website} onValueChange={setWebsite} error={e.website} isOptional />
        <TextField id={FIELD_IDS.openingHours} label={t.fieldOpeningHours} value={openingHours} onValueChange={setOpeningHours} error={e.openingHours} isOptional />
        <CheckboxField id="service-active" label={t.fieldActive} checked={isActive} onCheckedChange={setIsActive} />
        <FormButtons submitLabel={t.save} isSubmitting={form.isSubmitting}>
          <ButtonLink to={service ? `/sociale-kaart/${service.id}` : '/sociale-kaart'} variant="secondary">
            {t.cancel}
          </ButtonLink>
        </FormButtons>
      </Form>
    </Page>
  );
}
