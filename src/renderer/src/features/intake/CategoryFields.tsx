import type { ProblemCategory } from '../../../../core/config/index';
import { useLocale, useT } from '../../i18n/use-t';

type Values = Record<string, string | number | boolean>;

/** The category template's own form fields (from the service configuration). */
export function CategoryFields(props: {
  category: ProblemCategory;
  values: Values;
  onChange: (values: Values) => void;
}) {
  const { category, values, onChange } = props;
  const t = useT();
  const locale = useLocale();
  const set = (id: string, v: string | number | boolean) => onChange({ ...values, [id]: v });
  return (
    <>
      {category.fields.map((f) => {
        const id = `cf-${category.id}-${f.id}`;
        const label = `${f.label[locale]}${f.required ? ' *' : ''}`;
        const help = f.help ? (
          <span className="field__hint" id={`${id}-help`}>
            {f.help[locale]}
          </span>
        ) : null;
        const describedBy = f.help ? `${id}-help` : undefined;
        if (f.type === 'checkbox') {
          return (
            <div key={f.id} className="field">
              <label className="field--inline field">
                <input
                  type="checkbox"
                  checked={values[f.id] === true}
                  aria-describedby={describedBy}
                  onChange={(e) => set(f.id, e.target.checked)}
                />
                {label}
              </label>
              {help}
            </div>
          );
        }
        const value = values[f.id] === undefined ? '' : String(values[f.id]);
        return (
          <div key={f.id} className="field">
            <label htmlFor={id}>{label}</label>
            {f.type === 'select' ? (
              <select
                id={id}
                value={value}
                required={f.required}
                aria-describedby={describedBy}
                onChange={(e) => set(f.id, e.target.value)}
              >
                <option value="">{t('common.none')}</option>
                {f.options?.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label[locale]}
                  </option>
                ))}
              </select>
            ) : f.type === 'textarea' ? (
              <textarea
                id={id}
                value={value}
                required={f.required}
                maxLength={f.maxLength}
                aria-describedby={describedBy}
                onChange={(e) => set(f.id, e.target.value)}
              />
            ) : (
              <input
                id={id}
                type={f.type}
                value={value}
                required={f.required}
                maxLength={f.maxLength}
                aria-describedby={describedBy}
                onChange={(e) =>
                  set(f.id, f.type === 'number' ? Number(e.target.value) : e.target.value)
                }
              />
            )}
            {help}
          </div>
        );
      })}
    </>
  );
}
