/**
 * The administration forms' parts: labelled inputs whose error is tied to them
 * (`aria-describedby`, `aria-invalid`), an error summary that names every bad field in the
 * user's language and links to it, and checkbox groups in a fieldset with a legend.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { useAdminT } from './admin-messages';
import {
  type FieldProblem,
  inputIdOf,
  type PathWords,
  problemText,
  type SaveFailure,
} from './form-problems';

/** The problems of a form, and how to reach and word them. */
export interface FormErrors {
  formId: string;
  problems: readonly FieldProblem[];
  words: PathWords;
}

/** The error text for exactly this path, if any. */
export function useErrorFor(errors: FormErrors) {
  const t = useAdminT();
  return (path: string): string | undefined => {
    const problem = errors.problems.find((p) => p.path === path);
    return problem ? problemText(problem, t, errors.words) : undefined;
  };
}

export function TextInput(props: {
  formId: string;
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  help?: string;
  multiline?: boolean;
  type?: 'text' | 'datetime-local' | 'date';
  required?: boolean;
  disabled?: boolean;
}) {
  const id = inputIdOf(props.formId, props.path);
  const helpId = props.help ? `${id}-help` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const common = {
    id,
    value: props.value,
    disabled: props.disabled,
    'aria-describedby': [errorId, helpId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': props.error ? true : undefined,
    'aria-required': props.required || undefined,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.help ? (
        <p className="field__help" id={helpId}>
          {props.help}
        </p>
      ) : null}
      {props.error ? (
        <p className="field__error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/**
 * Every problem of the form, each linking to its input; shown with focus when a save was
 * refused, so a screen reader reads it and a keyboard user goes on from there.
 */
export function ErrorSummary({
  errors,
  failure,
}: {
  errors: FormErrors;
  failure: SaveFailure | null;
}) {
  const t = useAdminT();
  const ref = useRef<HTMLDivElement>(null);
  // Focus on each new refusal, so a screen reader reads it and a keyboard user goes on from it.
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure) return null;
  let body: ReactNode;
  if (failure.kind === 'fields') {
    const count = errors.problems.length;
    body = (
      <>
        <p>{count === 1 ? t('admin.fixError') : t('admin.fixErrors', { count })}</p>
        <ul>
          {errors.problems.map((p) => (
            <li key={`${p.path}-${p.message}`}>
              <a
                href={`#${inputIdOf(errors.formId, p.path)}`}
                onClick={(e) => {
                  // The app routes on the hash: move focus to the field instead of navigating.
                  e.preventDefault();
                  document.getElementById(inputIdOf(errors.formId, p.path))?.focus();
                }}
              >
                {problemText(p, t, errors.words)}
              </a>
            </li>
          ))}
        </ul>
      </>
    );
  } else if (failure.kind === 'forbidden') body = <p>{t('admin.forbidden')}</p>;
  else if (failure.kind === 'offline') body = <p>{t('admin.offline')}</p>;
  else body = <p>{t('admin.saveFailed', { message: failure.message })}</p>;
  return (
    <div className="admin-errors" role="alert" tabIndex={-1} ref={ref} data-testid="admin-errors">
      {body}
    </div>
  );
}

/** Checkboxes for choosing some of a list (municipalities, categories, lines). */
export function CheckboxGroup<V extends string | number>(props: {
  formId: string;
  path: string;
  legend: string;
  help?: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  chosen: readonly V[];
  onChange(chosen: V[]): void;
  error?: string | undefined;
}) {
  const base = inputIdOf(props.formId, props.path);
  return (
    <fieldset className="admin-checks" aria-describedby={props.error ? `${base}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.help ? <p className="field__help">{props.help}</p> : null}
      {props.error ? (
        <p className="field__error" id={`${base}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.options.map((o, i) => {
        const id = i === 0 ? base : `${base}-${i}`;
        const checked = props.chosen.includes(o.value);
        return (
          <div className="field field--checkbox" key={String(o.value)}>
            <input
              id={id}
              type="checkbox"
              checked={checked}
              onChange={() =>
                props.onChange(
                  checked ? props.chosen.filter((v) => v !== o.value) : [...props.chosen, o.value],
                )
              }
            />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A form's success line (polite) after a save. */
export function SavedNote({ show }: { show: boolean }) {
  const t = useAdminT();
  return (
    <p role="status" className="admin-saved">
      {show ? t('admin.saved') : ''}
    </p>
  );
}
