import type { Priority, PriorityAnswers, Requester } from '@core/case/index';
import { priorityLabel } from '@core/priority/index';
import { type FormInputs, toFormValues } from '@web/components/category-inputs';
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { provisionalNumberFor } from '../../db/case-rebase';
import { RuleViolation } from '../../db/local-errors';
import { useLocale, useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { ruleViolationText } from '../../workstation/use-apply-change';
import { useWorkstation } from '../../workstation/workstation-context';
import { PriorityField } from '../priority/PriorityField';
import { priorityToRegister, type WizardState, wizardClosed } from '../priority/wizard-state';
import { CategoryFields } from './CategoryFields';
import { RequesterCombobox } from './RequesterCombobox';
import { showRegisteredToast } from './registered-toast';

const emptyRequester: Requester = {
  name: '',
  contact: '',
  municipalityId: '',
  unit: '',
  userId: null,
};

/** A phone call becomes a case: requester, category template, the fault, the priority. */
export default function IntakeView() {
  const t = useT();
  const locale = useLocale();
  const { repo, db } = useWorkstation();
  const config = useServiceConfigStore((s) => s.config);
  const navigate = useRouteStore((s) => s.navigate);
  const ids = {
    name: useId(),
    contact: useId(),
    mun: useId(),
    unit: useId(),
    cat: useId(),
    title: useId(),
    desc: useId(),
  };
  const [requester, setRequester] = useState<Requester>(emptyRequester);
  const [categoryId, setCategoryId] = useState('');
  const [formValues, setFormValues] = useState<FormInputs>({});
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<Priority>('medium');
  const [answers, setAnswers] = useState<PriorityAnswers | null>(null);
  const [wizard, setWizard] = useState<WizardState>(wizardClosed);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const category = config.categories.find((c) => c.id === categoryId);
  const setReq = (patch: Partial<Requester>) => setRequester((r) => ({ ...r, ...patch }));

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const missing = [
      [requester.name.trim(), t('intake.name')],
      [requester.municipalityId, t('case.municipality')],
      [title.trim(), t('intake.summary')],
    ].find(([v]) => !v);
    if (missing) {
      setError(t('common.required', { field: missing[1]! }));
      return;
    }
    const decided = priorityToRegister({ priority, answers }, wizard);
    if (decided.kind === 'unfinished') {
      setError(t('intake.wizardUnfinished'));
      return;
    }
    setError(null);
    try {
      const caseId = await repo.createCase({
        title: title.trim(),
        description: description.trim(),
        priority: decided.priority,
        priorityAnswers: decided.answers,
        channel: 'phone',
        requester: { ...requester, name: requester.name.trim() },
        categoryId: categoryId || null,
        formValues: category ? toFormValues(category, formValues) : {},
      });
      showRegisteredToast(db, caseId, provisionalNumberFor(caseId), (number) =>
        decided.fromPendingSuggestion
          ? t('intake.registeredWithSuggestion', {
              number,
              priority: priorityLabel(decided.priority, locale),
            })
          : t('intake.registered', { number }),
      );
      navigate({ name: 'case', caseId });
    } catch (e) {
      setError(e instanceof RuleViolation ? ruleViolationText(e, locale) : String(e));
    }
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form
      ref={form}
      className="intake"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-labelledby="intake-title"
    >
      <h1 id="intake-title" style={{ gridColumn: '1 / -1' }}>
        {t('intake.title')} <span className="field__hint">{t('intake.shortcut')}</span>
      </h1>
      <fieldset>
        <legend>{t('intake.requester')}</legend>
        <RequesterCombobox onPick={(r) => setRequester({ ...emptyRequester, ...r })} />
        <div className="field">
          <label htmlFor={ids.name}>{t('intake.name')} *</label>
          <input
            id={ids.name}
            required
            value={requester.name}
            onChange={(e) => setReq({ name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.contact}>{t('intake.contact')}</label>
          <input
            id={ids.contact}
            value={requester.contact}
            onChange={(e) => setReq({ contact: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.mun}>{t('case.municipality')} *</label>
          <select
            id={ids.mun}
            required
            value={requester.municipalityId}
            onChange={(e) => setReq({ municipalityId: e.target.value })}
          >
            <option value="">{t('common.none')}</option>
            {/* A retired municipality keeps its cases but takes no new one. */}
            {config.municipalities
              .filter((m) => !m.retired)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.unit}>{t('case.unit')}</label>
          <input
            id={ids.unit}
            list={`${ids.unit}-options`}
            value={requester.unit}
            onChange={(e) => setReq({ unit: e.target.value })}
          />
          {/* The chosen municipality's units (einingar) from the directory, as suggestions. */}
          <datalist id={`${ids.unit}-options`}>
            {config.municipalities
              .find((m) => m.id === requester.municipalityId)
              ?.units?.filter((u) => !u.retired)
              .map((u) => (
                <option key={u.id} value={u.name} />
              ))}
          </datalist>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('intake.fault')}</legend>
        <div className="field">
          <label htmlFor={ids.cat}>{t('case.category')}</label>
          <select
            id={ids.cat}
            value={categoryId}
            onChange={(e) => {
              setCategoryId(e.target.value);
              setFormValues({});
            }}
          >
            <option value="">{t('intake.noCategory')}</option>
            {config.categories
              .filter((c) => !c.retired)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name[locale]}
                </option>
              ))}
          </select>
          {category ? <span className="field__hint">{category.description[locale]}</span> : null}
        </div>
        <div className="field">
          <label htmlFor={ids.title}>{t('intake.summary')} *</label>
          <input id={ids.title} required value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.desc}>{t('case.description')}</label>
          <textarea
            id={ids.desc}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {category ? (
          <CategoryFields category={category} values={formValues} onChange={setFormValues} />
        ) : null}
        <PriorityField
          value={priority}
          preset={category?.presetAnswers}
          onSelect={(p) => {
            setPriority(p);
            setAnswers(null);
          }}
          onApply={(p, a) => {
            setPriority(p);
            setAnswers(a);
          }}
          onWizardChange={setWizard}
          refocusAfterWizard
        />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" style={{ marginTop: '0.7rem' }}>
          {t('intake.submit')}
        </button>
      </fieldset>
    </form>
  );
}
