// SPDX-License-Identifier: EUPL-1.2
// Outcomes in the family file: the birth (shown with preterm, SGA and Big2 and the reference that
// decided SGA) and the measurements around age two (BMI, overweight by the IOTF cut-offs).
import { amsterdamDate } from '../../../contracts/calendar.js';
import { useState } from 'react';
import { AsyncContent, useAsync } from '../../components/page.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Paragraph } from '../../components/ui.js';
import { CareSection } from './care-section-parts.js';
import { useMessages } from '../../i18n/messages.js';
import { careApi, numberOf, type BirthOutcome, type TwoYearOutcome } from './api.js';

export function OutcomesSection({ familyId }: { familyId: string }) {
  const { m } = useMessages();
  const outcomes = useAsync(() => careApi.outcomes(familyId), [familyId]);
  const [form, setForm] = useState<'birth' | 'twoYears' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setForm(null);
    setMessage(text);
    outcomes.reload();
  };
  return (
    <>
      <CareSection id="birth-title" title={m.careBirth.title} message={message}>
        <AsyncContent state={outcomes}>
          {({ births }) => (births.length === 0 ? <Paragraph>{m.careBirth.empty}</Paragraph> : births.map((birth) => <BirthSummary key={birth.id} birth={birth} />))}
        </AsyncContent>
        {form === null ? (
          <ButtonGroup>
            <Button onClick={() => setForm('birth')}>{m.careBirth.record}</Button>
            <Button onClick={() => setForm('twoYears')}>{m.careTwoYears.record}</Button>
          </ButtonGroup>
        ) : null}
        {form === 'birth' ? <BirthForm familyId={familyId} onDone={() => done(m.careBirth.saved)} onClose={() => setForm(null)} /> : null}
      </CareSection>
      <CareSection id="two-years-title" title={m.careTwoYears.title}>
        <AsyncContent state={outcomes}>
          {({ twoYears }) =>
            twoYears.length === 0 ? <Paragraph>{m.careTwoYears.empty}</Paragraph> : twoYears.map((outcome) => <TwoYearSummary key={outcome.id} outcome={outcome} />)
          }
        </AsyncContent>
        {form === 'twoYears' ? <TwoYearForm familyId={familyId} onDone={() => done(m.careTwoYears.saved)} onClose={() => setForm(null)} /> : null}
      </CareSection>
    </>
  );
}

function yesNo(value: boolean | null, m: ReturnType<typeof useMessages>['m']): string {
  return value === null ? m.care.notRecorded : value ? m.app.yes : m.app.no;
}

function BirthSummary({ birth }: { birth: BirthOutcome }) {
  const { m, format, formatDate, formatNumber } = useMessages();
  const t = m.careBirth;
  const [weeks, days] = birth.gestationalAge.split('+');
  return (
    <dl className="kr-facts" aria-label={`${t.summary}: ${formatDate(birth.birthDate)}`}>
      <dt>{t.birthDate}</dt>
      <dd>{formatDate(birth.birthDate)}</dd>
      <dt>{t.gestationalAge}</dt>
      <dd>{format(m.care.weeksDays, { weeks: weeks!, days: days! })}</dd>
      <dt>{t.weight}</dt>
      <dd>{format(t.grams, { grams: formatNumber(birth.birthWeightGrams) })}</dd>
      <dt>{t.preterm}</dt>
      <dd>{yesNo(birth.preterm, m)}</dd>
      <dt>{t.sga}</dt>
      <dd>{yesNo(birth.smallForGestationalAge, m)}</dd>
      <dt>{t.big2}</dt>
      <dd data-testid="big2">{birth.big2 === null ? t.big2Undefined : yesNo(birth.big2, m)}</dd>
      <dt>{t.reference}</dt>
      <dd>
        {birth.referenceName}
        {birth.p10Grams !== null ? ` — ${format(t.p10, { grams: formatNumber(birth.p10Grams) })}` : ''}
      </dd>
      <dt>{t.maternityCare}</dt>
      <dd>
        {yesNo(birth.maternityCareReceived, m)}
        {birth.maternityCareHours !== null ? ` (${format(t.hours, { hours: birth.maternityCareHours })})` : ''}
      </dd>
    </dl>
  );
}

function TwoYearSummary({ outcome }: { outcome: TwoYearOutcome }) {
  const { m, format, formatDate } = useMessages();
  const t = m.careTwoYears;
  const weight = outcome.obesity ? t.obesity : outcome.overweight ? t.overweight : outcome.overweight === false ? t.normalWeight : m.care.notRecorded;
  return (
    <dl className="kr-facts" aria-label={`${t.title}: ${formatDate(outcome.measuredOn)}`}>
      <dt>{t.measuredOn}</dt>
      <dd>
        {formatDate(outcome.measuredOn)}
        {outcome.ageMonths !== null ? ` (${format(t.age, { months: outcome.ageMonths })})` : ''}
      </dd>
      <dt>{t.speechLanguage}</dt>
      <dd>{outcome.speechLanguageResult ? m.careSpeechLanguage[outcome.speechLanguageResult] : m.care.notRecorded}</dd>
      <dt>{t.weightKg}</dt>
      <dd>
        {outcome.bmi !== null ? `${format(t.bmi, { bmi: outcome.bmi.toFixed(1) })}: ` : ''}
        {weight}
        {outcome.bmiReference ? ` (${format(t.bmiSource, { source: outcome.bmiReference })})` : ''}
      </dd>
      <dt>{t.childProtection}</dt>
      <dd>
        {outcome.childProtectionMeasure ?? m.care.none}
        {outcome.childProtectionFrom ? ` (${formatDate(outcome.childProtectionFrom)}${outcome.childProtectionUntil ? ` – ${formatDate(outcome.childProtectionUntil)}` : ''})` : ''}
      </dd>
      <dt>{t.placementFrom}</dt>
      <dd>
        {outcome.outOfHomePlacementFrom ? formatDate(outcome.outOfHomePlacementFrom) : m.care.none}
        {outcome.outOfHomePlacementUntil ? ` – ${formatDate(outcome.outOfHomePlacementUntil)}` : ''}
      </dd>
    </dl>
  );
}

function BirthForm({ familyId, onDone, onClose }: { familyId: string; onDone(): void; onClose(): void }) {
  const { m } = useMessages();
  const t = m.careBirth;
  const [birthDate, setBirthDate] = useState(amsterdamDate(new Date()));
  const [weeks, setWeeks] = useState('');
  const [days, setDays] = useState('0');
  const [weight, setWeight] = useState('');
  const [sex, setSex] = useState('');
  const [childGivenName, setChildGivenName] = useState('');
  const [multipleBirth, setMultipleBirth] = useState(false);
  const [liveBorn, setLiveBorn] = useState(true);
  const [maternityCare, setMaternityCare] = useState('');
  const [hours, setHours] = useState('');
  const form = useForm({
    birthDate: 'birth-date',
    gestationalWeeks: 'birth-weeks',
    gestationalDays: 'birth-days',
    birthWeightGrams: 'birth-weight',
    sex: 'birth-sex',
    childGivenName: 'birth-child-name',
    maternityCareReceived: 'birth-maternity-care',
    maternityCareHours: 'birth-maternity-hours',
  });
  const whole = (text: string, required: boolean): string | undefined => {
    const value = numberOf(text);
    if (value === null) return required ? m.validation.required : undefined;
    return Number.isInteger(value) ? undefined : m.care.numberRequired;
  };
  const submit = form.submitWith(
    () => {
      const errors: Record<string, string> = {};
      if (birthDate === '') errors.birthDate = m.validation.required;
      const checks = { gestationalWeeks: whole(weeks, true), gestationalDays: whole(days, true), birthWeightGrams: whole(weight, true), maternityCareHours: whole(hours, false) };
      for (const [field, error] of Object.entries(checks)) if (error) errors[field] = error;
      if (sex === '') errors.sex = m.validation.required;
      return errors;
    },
    async () => {
      await careApi.recordBirth(familyId, {
        birthDate,
        gestationalWeeks: numberOf(weeks)!,
        gestationalDays: numberOf(days)!,
        birthWeightGrams: numberOf(weight)!,
        sex: sex as 'female' | 'male',
        multipleBirth,
        liveBorn,
        maternityCareReceived: maternityCare === '' ? null : maternityCare === 'yes',
        maternityCareHours: numberOf(hours),
        childGivenName: childGivenName.trim() === '' ? null : childGivenName,
      });
      onDone();
    },
  );
  return (
    <Panel id="record-birth" title={t.recordTitle} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{
          birthDate: t.birthDate,
          gestationalWeeks: t.gestationalWeeks,
          gestationalDays: t.gestationalDays,
          birthWeightGrams: t.birthWeight,
          sex: t.sex,
          childGivenName: t.childGivenName,
          maternityCareReceived: t.maternityCare,
          maternityCareHours: t.maternityCareHours,
        }}
      />
      <Form onSubmit={submit}>
        <TextField id="birth-date" label={t.birthDate} type="date" value={birthDate} onValueChange={setBirthDate} error={form.errors.birthDate} />
        <TextField id="birth-weeks" label={t.gestationalWeeks} inputMode="numeric" value={weeks} onValueChange={setWeeks} error={form.errors.gestationalWeeks} />
        <TextField id="birth-days" label={t.gestationalDays} description={t.gestationalDaysDescription} inputMode="numeric" value={days} onValueChange={setDays} error={form.errors.gestationalDays} />
        <TextField id="birth-weight" label={t.birthWeight} inputMode="numeric" value={weight} onValueChange={setWeight} error={form.errors.birthWeightGrams} />
        <SelectField
          id="birth-sex"
          label={t.sex}
          value={sex}
          onValueChange={setSex}
          emptyOption={m.shell.choose}
          options={[
            { value: 'female', label: t.sexFemale },
            { value: 'male', label: t.sexMale },
          ]}
          error={form.errors.sex}
        />
        <TextField id="birth-child-name" label={t.childGivenName} value={childGivenName} onValueChange={setChildGivenName} error={form.errors.childGivenName} isOptional />
        <CheckboxField id="birth-multiple" label={t.multipleBirth} checked={multipleBirth} onCheckedChange={setMultipleBirth} />
        <CheckboxField id="birth-live" label={t.liveBorn} checked={liveBorn} onCheckedChange={setLiveBorn} />
        <SelectField
          id="birth-maternity-care"
          label={t.maternityCare}
          value={maternityCare}
          onValueChange={setMaternityCare}
          options={[
            { value: '', label: t.unknown },
            { value: 'yes', label: m.app.yes },
            { value: 'no', label: m.app.no },
          ]}
          error={form.errors.maternityCareReceived}
        />
        <TextField id="birth-maternity-hours" label={t.maternityCareHours} inputMode="numeric" value={hours} onValueChange={setHours} error={form.errors.maternityCareHours} isOptional />
        <FormButtons submitLabel={t.record} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}

function TwoYearForm({ familyId, onDone, onClose }: { familyId: string; onDone(): void; onClose(): void }) {
  const { m } = useMessages();
  const t = m.careTwoYears;
  const [measuredOn, setMeasuredOn] = useState(amsterdamDate(new Date()));
  const [speech, setSpeech] = useState('');
  const [weightKg, setWeightKg] = useState('');
  const [lengthCm, setLengthCm] = useState('');
  const [measure, setMeasure] = useState('');
  const [measureFrom, setMeasureFrom] = useState('');
  const [measureUntil, setMeasureUntil] = useState('');
  const [placementFrom, setPlacementFrom] = useState('');
  const [placementUntil, setPlacementUntil] = useState('');
  const form = useForm({
    measuredOn: 'two-measured-on',
    speechLanguageResult: 'two-speech',
    weightKg: 'two-weight',
    lengthCm: 'two-length',
    childProtectionMeasure: 'two-measure',
    childProtectionFrom: 'two-measure-from',
    childProtectionUntil: 'two-measure-until',
    outOfHomePlacementFrom: 'two-placement-from',
    outOfHomePlacementUntil: 'two-placement-until',
  });
  const submit = form.submitWith(
    () => ({
      ...(measuredOn === '' ? { measuredOn: m.validation.required } : {}),
      ...(Number.isNaN(numberOf(weightKg)) ? { weightKg: m.care.numberRequired } : {}),
      ...(Number.isNaN(numberOf(lengthCm)) ? { lengthCm: m.care.numberRequired } : {}),
    }),
    async () => {
      const dateOrNull = (value: string) => (value === '' ? null : value);
      await careApi.recordTwoYears(familyId, {
        measuredOn,
        speechLanguageResult: speech === '' ? null : (speech as 'normal'),
        weightKg: numberOf(weightKg),
        lengthCm: numberOf(lengthCm),
        childProtectionMeasure: measure.trim() === '' ? null : measure,
        childProtectionFrom: dateOrNull(measureFrom),
        childProtectionUntil: dateOrNull(measureUntil),
        outOfHomePlacementFrom: dateOrNull(placementFrom),
        outOfHomePlacementUntil: dateOrNull(placementUntil),
      });
      onDone();
    },
  );
  const speechOptions = (Object.keys(m.careSpeechLanguage) as (keyof typeof m.careSpeechLanguage)[]).map((value) => ({ value, label: m.careSpeechLanguage[value] }));
  return (
    <Panel id="record-two-years" title={t.recordTitle} onClose={onClose}>
      <ErrorSummary
        {...form.summary}
        labels={{
          measuredOn: t.measuredOn,
          speechLanguageResult: t.speechLanguage,
          weightKg: t.weightKg,
          lengthCm: t.lengthCm,
          childProtectionMeasure: t.childProtection,
          childProtectionFrom: t.childProtectionFrom,
          childProtectionUntil: t.childProtectionUntil,
          outOfHomePlacementFrom: t.placementFrom,
          outOfHomePlacementUntil: t.placementUntil,
        }}
      />
      <Form onSubmit={submit}>
        <TextField id="two-measured-on" label={t.measuredOn} type="date" value={measuredOn} onValueChange={setMeasuredOn} error={form.errors.measuredOn} />
        <SelectField id="two-speech" label={t.speechLanguage} value={speech} onValueChange={setSpeech} emptyOption={m.care.notRecorded} options={speechOptions} error={form.errors.speechLanguageResult} />
        <TextField id="two-weight" label={t.weightKg} inputMode="text" value={weightKg} onValueChange={setWeightKg} error={form.errors.weightKg} isOptional />
        <TextField id="two-length" label={t.lengthCm} inputMode="text" value={lengthCm} onValueChange={setLengthCm} error={form.errors.lengthCm} isOptional />
        <TextAreaField id="two-measure" label={t.childProtection} description={t.childProtectionDescription} value={measure} onValueChange={setMeasure} error={form.errors.childProtectionMeasure} isOptional rows={2} />
        <TextField id="two-measure-from" label={t.childProtectionFrom} type="date" value={measureFrom} onValueChange={setMeasureFrom} error={form.errors.childProtectionFrom} isOptional />
        <TextField id="two-measure-until" label={t.childProtectionUntil} type="date" value={measureUntil} onValueChange={setMeasureUntil} error={form.errors.childProtectionUntil} isOptional />
        <TextField id="two-placement-from" label={t.placementFrom} type="date" value={placementFrom} onValueChange={setPlacementFrom} error={form.errors.outOfHomePlacementFrom} isOptional />
        <TextField id="two-placement-until" label={t.placementUntil} type="date" value={placementUntil} onValueChange={setPlacementUntil} error={form.errors.outOfHomePlacementUntil} isOptional />
        <FormButtons submitLabel={m.app.save} isSubmitting={form.isSubmitting}>
          <Button onClick={onClose}>{m.app.cancel}</Button>
        </FormButtons>
      </Form>
    </Panel>
  );
}
