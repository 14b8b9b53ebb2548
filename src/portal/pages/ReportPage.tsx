import { phoneAdvice, statusAt } from '@core/calendar';
import { type CaseRecord, type PriorityAnswers, requesterPhone } from '@core/case';
import { priorityLabels } from '@core/priority';
import { CategoryField } from '@web/components/CategoryFields';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { failureReason } from '../api/failure-reason';
import { PortalLink } from '../app/PortalLink';
import { usePortal } from '../app/portal-context';
import { useNow } from '../app/use-now';
import { priorityStepsFor } from '../logic/priority-steps';
import {
  checkDraft,
  createCaseBody,
  type DraftProblem,
  descriptionMaxLength,
  descriptionRequired,
  emptyDraft,
  fieldInputId,
  type ReportDraft,
  titleMaxLength,
} from '../logic/report-draft';
import { CategorySuggestions } from './CategorySuggestions';
import { KnownFaultBox } from './KnownFaultBox';
import { PhoneAdviceBox } from './PhoneAdviceBox';
import { PriorityQuestions } from './PriorityQuestions';

/** "Meld ei sak": category, its form, the priority questions, and which number to call now. */
export function ReportPage() {
  const { t, locale, api, config, calendar, session, navigate } = usePortal();
  const now = useNow();
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  // Checked on the first send, then live as the user corrects, so fixed errors go away: from
  // the fields and from the summary at the top alike (like GOV.UK's error summary, which is
  // focused on send; it is not a live region, so it is not re-announced on every keystroke).
  const [attempted, setAttempted] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CaseRecord | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const receiptRef = useRef<HTMLHeadingElement>(null);

  const category = config.categories.find((c) => c.id === draft.categoryId);
  // A retired category keeps its old cases but is offered for no new one.
  const offered = config.categories.filter((c) => !c.retired);
  const steps = useMemo(
    () => (category ? priorityStepsFor(category.presetAnswers, draft.answers) : null),
    [category, draft.answers],
  );
  const priority = steps?.classification.priority ?? 'low';
  const advice = phoneAdvice(
    statusAt(calendar, now),
    steps?.complete ? priority : 'low',
    draft.noNetwork,
  );
  const problems: DraftProblem[] = attempted ? checkDraft(draft, category, steps, t, locale) : [];
  const errorOf = (inputId: string) => problems.find((p) => p.inputId === inputId)?.message;
  const describedBy = (inputId: string, help: string) =>
    errorOf(inputId) ? `${inputId}-error ${help}` : help;
  const update = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft, category, steps, t, locale);
    setAttempted(true);
    setSendError(null);
    if (found.length > 0 || !category || !steps) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const body = createCaseBody(draft, category, steps.answers, priority, session.user);
      const result = await api.createCase(body);
      setCreated(result.case);
      requestAnimationFrame(() => receiptRef.current?.focus());
    } catch (error) {
      setSendError(t('report.failed', { reason: failureReason(error, locale, t) }));
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    const phone = requesterPhone(created.requester.contact);
    return (
      <>
        <h1 tabIndex={-1} ref={receiptRef}>
          {t('receipt.heading')}
        </h1>
        <PhoneAdviceBox advice={advice} priority={created.priority} registered />
        <div className="card">
          <p className="receipt-number">{t('receipt.number', { number: created.number ?? '' })}</p>
          <p>{t('receipt.priority', { priority: priorityLabels[locale][created.priority] })}</p>
          <p>
            {created.requester.noNetwork && phone
              ? t('receipt.followNoNetwork', { phone })
              : t('receipt.follow')}
          </p>
          <p className="actions">
            <PortalLink
              to={{ name: 'case', id: created.id }}
              navigate={navigate}
              className="button"
            >
              {t('receipt.open')}
            </PortalLink>
          </p>
        </div>
      </>
    );
  }

  const questionProblem = problems.find((p) => p.inputId.startsWith('priority-'));
  return (
    <>
      <h1 tabIndex={-1}>{t('report.heading')}</h1>
      <p className="lead">{t('report.intro')}</p>
      {(problems.length > 0 || sendError) && (
        <div
          className="alert alert--error"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby="error-summary-title"
          data-testid="error-summary"
        >
          <h2 className="alert__title" id="error-summary-title">
            {sendError ?? t('report.errorSummary')}
          </h2>
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={p.inputId}>
                  <a href={`#${p.inputId}`}>{p.message}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <fieldset
          className="card fieldset"
          aria-describedby={errorOf('category-first') ? 'category-error' : undefined}
        >
          <legend>{t('report.categoryLegend')}</legend>
          {errorOf('category-first') && (
            <p className="field__error" id="category-error">
              {errorOf('category-first')}
            </p>
          )}
          <div className="categories">
            {offered.map((c, i) => (
              <div className="category" key={c.id}>
                <input
                  type="radio"
                  name="category"
                  id={i === 0 ? 'category-first' : `category-${c.id}`}
                  checked={draft.categoryId === c.id}
                  aria-describedby={`category-${c.id}-description`}
                  onChange={() => {
                    // A new form: no errors until it is sent again.
                    update({ categoryId: c.id, fields: {}, answers: {} });
                    setAttempted(false);
                  }}
                />
                <label htmlFor={i === 0 ? 'category-first' : `category-${c.id}`}>
                  <span className="category__name">{c.name[locale]}</span>
                  <span className="category__description" id={`category-${c.id}-description`}>
                    {c.description[locale]}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>

        {category && <CategorySuggestions category={category} />}
        {category && session.user.municipalityIds[0] && (
          <KnownFaultBox category={category} municipalityId={session.user.municipalityIds[0]} />
        )}

        {category && steps && (
          <>
            <fieldset className="card fieldset">
              <legend>{t('report.aboutLegend')}</legend>
              <div className="field">
                <label htmlFor="title">
                  {t('report.title')} <span className="required">{t('report.required')}</span>
                </label>
                <p className="field__help" id="title-help">
                  {t('report.titleHelp')}
                </p>
                {errorOf('title') && (
                  <p className="field__error" id="title-error">
                    {errorOf('title')}
                  </p>
                )}
                <input
                  id="title"
                  value={draft.title}
                  maxLength={titleMaxLength}
                  aria-required="true"
                  aria-invalid={errorOf('title') ? true : undefined}
                  aria-describedby={errorOf('title') ? 'title-error title-help' : 'title-help'}
                  onChange={(e) => update({ title: e.target.value })}
                />
              </div>
              {category.fields.map((field) => (
                <CategoryField
                  key={field.id}
                  field={field}
                  locale={locale}
                  inputId={fieldInputId(field.id)}
                  words={{ required: t('report.required'), choose: t('report.choose') }}
                  value={draft.fields[field.id]}
                  error={errorOf(`field-${field.id}`)}
                  onChange={(value) => update({ fields: { ...draft.fields, [field.id]: value } })}
                />
              ))}
              <div className="field">
                <label htmlFor="description">
                  {t('report.description')}
                  {descriptionRequired(category) && (
                    <span className="required"> {t('report.required')}</span>
                  )}
                </label>
                <p className="field__help" id="description-help">
                  {t('report.descriptionHelp')}
                </p>
                {errorOf('description') && (
                  <p className="field__error" id="description-error">
                    {errorOf('description')}
                  </p>
                )}
                <textarea
                  id="description"
                  rows={5}
                  maxLength={descriptionMaxLength}
                  value={draft.description}
                  aria-required={descriptionRequired(category) || undefined}
                  aria-invalid={errorOf('description') ? true : undefined}
                  aria-describedby={describedBy('description', 'description-help')}
                  onChange={(e) => update({ description: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="contact">{t('report.contact')}</label>
                <p className="field__help" id="contact-help">
                  {t('report.contactHelp')}
                </p>
                {errorOf('contact') && (
                  <p className="field__error" id="contact-error">
                    {errorOf('contact')}
                  </p>
                )}
                <input
                  id="contact"
                  autoComplete="tel"
                  value={draft.contact}
                  aria-invalid={errorOf('contact') ? true : undefined}
                  aria-describedby={describedBy('contact', 'contact-help')}
                  onChange={(e) => update({ contact: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="unit">{t('report.unit')}</label>
                <input
                  id="unit"
                  autoComplete="organization-title"
                  list="unit-options"
                  value={draft.unit}
                  onChange={(e) => update({ unit: e.target.value })}
                />
                {/* The municipality's units (einingar) from the directory, as suggestions. */}
                <datalist id="unit-options">
                  {config.municipalities
                    .find((m) => session.user.municipalityIds.includes(m.id))
                    ?.units?.filter((u) => !u.retired)
                    .map((u) => (
                      <option key={u.id} value={u.name} />
                    ))}
                </datalist>
              </div>
            </fieldset>

            <PriorityQuestions
              steps={steps}
              given={draft.answers}
              error={
                questionProblem
                  ? {
                      key: questionProblem.inputId.slice('priority-'.length),
                      message: questionProblem.message,
                    }
                  : null
              }
              onAnswer={(answers: PriorityAnswers) => update({ answers })}
            />

            <div className="card">
              <div className="field field--checkbox">
                <input
                  type="checkbox"
                  id="no-network"
                  checked={draft.noNetwork}
                  aria-describedby="no-network-help"
                  onChange={(e) => update({ noNetwork: e.target.checked })}
                />
                <label htmlFor="no-network">{t('report.losingNetwork')}</label>
                <p className="field__help" id="no-network-help">
                  {t('report.losingNetworkHelp')}
                </p>
              </div>
            </div>

            <div aria-live="polite">
              <PhoneAdviceBox advice={advice} priority={priority} />
            </div>

            <p className="actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t('report.sending') : t('report.submit')}
              </button>
            </p>
          </>
        )}
        {!category && (
          <p className="actions">
            <button type="submit" className="button button--primary">
              {t('report.submit')}
            </button>
          </p>
        )}
      </form>
    </>
  );
}
