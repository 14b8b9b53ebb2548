import type { FormField, ProblemCategory } from '@core/config';
import type { Locale } from '@core/config/localized-text';
import type { FormInputs } from './category-inputs';

/** The app's own words around a category form (from its catalogue). */
export interface CategoryFormWords {
  /** Beside a required field's label: "(må fyllast ut)". */
  required: string;
  /** The empty first option of a list: "Vel …". */
  choose: string;
}

/**
 * One input of a category's form (as the team leaders configured it), the same in the
 * workstation's phone intake and the portal: labelled, its help and its error tied to it with
 * `aria-describedby`, `aria-invalid` while it has an error. Texts stay texts while typed (a
 * number with a decimal comma too); `toFormValues` turns them into the case's form values.
 * No `maxLength` on the inputs: a pasted text that is too long is kept and named by the form
 * check, not cut short.
 */
export function CategoryField(props: {
  field: FormField;
  locale: Locale;
  /** The input's DOM id (the error summary links to it). */
  inputId: string;
  value: string | boolean | undefined;
  error?: string | undefined;
  words: CategoryFormWords;
  onChange(value: string | boolean): void;
}) {
  const { field, locale, inputId: id } = props;
  const helpId = field.help ? `${id}-help` : null;
  const errorId = props.error ? `${id}-error` : null;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? true : undefined,
    'aria-required': field.required || undefined,
  } as const;
  const label = (
    <>
      {field.label[locale]}
      {field.required && <span className="required"> {props.words.required}</span>}
    </>
  );
  const help = field.help && (
    <p className="field__help" id={helpId!}>
      {field.help[locale]}
    </p>
  );
  const error = props.error && (
    <p className="field__error" id={errorId!}>
      {props.error}
    </p>
  );

  if (field.type === 'checkbox') {
    return (
      <div className="field field--checkbox">
        {error}
        <input
          type="checkbox"
          {...common}
          checked={props.value === true}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
        {help}
      </div>
    );
  }
  const text = typeof props.value === 'string' ? props.value : '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help}
      {error}
      {field.type === 'textarea' && (
        <textarea
          {...common}
          rows={5}
          value={text}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {field.type === 'select' && (
        <select {...common} value={text} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{props.words.choose}</option>
          {field.options?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label[locale]}
            </option>
          ))}
        </select>
      )}
      {(field.type === 'text' || field.type === 'number' || field.type === 'date') && (
        <input
          {...common}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          value={text}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

/** Every field of a category's form, in its order. */
export function CategoryFields(props: {
  category: ProblemCategory;
  locale: Locale;
  values: FormInputs;
  /** Errors by field id. */
  errors?: Readonly<Record<string, string>>;
  /** The DOM id of a field's input. */
  inputIdOf(fieldId: string): string;
  words: CategoryFormWords;
  onChange(values: FormInputs): void;
}) {
  return (
    <>
      {props.category.fields.map((field) => (
        <CategoryField
          key={field.id}
          field={field}
          locale={props.locale}
          inputId={props.inputIdOf(field.id)}
          value={props.values[field.id]}
          error={props.errors?.[field.id]}
          words={props.words}
          onChange={(value) => props.onChange({ ...props.values, [field.id]: value })}
        />
      ))}
    </>
  );
}
