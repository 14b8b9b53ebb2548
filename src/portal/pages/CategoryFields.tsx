import type { FormField } from '../../core/config';
import { usePortal } from '../app/portal-context';
import { fieldInputId } from '../logic/report-draft';

/** One input of a category's form, labelled, with its help and error tied to it. */
export function CategoryField(props: {
  field: FormField;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange(value: string | boolean): void;
}) {
  const { t, locale } = usePortal();
  const { field } = props;
  const id = fieldInputId(field.id);
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
      {field.required && <span className="required"> {t('report.required')}</span>}
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
          <option value="">{t('report.choose')}</option>
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
