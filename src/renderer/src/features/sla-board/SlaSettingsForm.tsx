import { useEffect, useId, useState } from 'react';
import { type Priority, priorities } from '../../../../core/case/index';
import type { SlaSettings } from '../../../../core/reports/index';
import { type SlaConfig, slaConfigSchema } from '../../../../core/sla/index';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { type SlaMessageKey, type SlaTranslate, useSlaT } from './sla-board-messages';
import { applySlaSettings, type ServerAccess, saveSlaSettings } from './sla-settings-api';

type Draft = {
  targets: Record<
    Priority,
    { responseMinutes: string; resolutionMinutes: string; calendar: string }
  >;
  atRiskPercent: string;
};

function draftOf(sla: SlaConfig): Draft {
  const targets = {} as Draft['targets'];
  for (const p of priorities) {
    const tg = sla.targets[p];
    targets[p] = {
      responseMinutes: String(tg.responseMinutes),
      resolutionMinutes: String(tg.resolutionMinutes),
      calendar: tg.calendar,
    };
  }
  return { targets, atRiskPercent: String(Math.round(sla.atRiskThreshold * 1000) / 10) };
}

/** Text fields to numbers; empty or non-numeric stays a string so the schema names the field. */
const num = (text: string): number | string => {
  const n = Number(text.replace(',', '.'));
  return text.trim() === '' || Number.isNaN(n) ? text : n;
};

/** A field path from the schema as the user reads it: 'Høg — Responstid (minutt)'. */
function fieldLabel(path: ReadonlyArray<PropertyKey>, t: SlaTranslate): string {
  if (path[0] === 'atRiskThreshold') return t('settings.atRiskThreshold');
  const priority = path[1] as Priority;
  const field = path[2] as string;
  const name = ['responseMinutes', 'resolutionMinutes', 'calendar'].includes(field)
    ? t(`settings.${field}` as SlaMessageKey)
    : field;
  return `${t(`priority.${priority}`)} — ${name}`;
}

/**
 * Team leaders change the SLA targets and the at-risk threshold. Checked with core's
 * `slaConfigSchema` before sending (each message names its field, and the field is marked
 * invalid), then saved on the server, which checks again, audits and versions the change.
 */
export function SlaSettingsForm(props: {
  settings: SlaSettings;
  access: ServerAccess;
  onSaved: (settings: SlaSettings) => void;
}) {
  const t = useSlaT();
  const locale = useLocale();
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(props.settings.sla));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setDraft(draftOf(props.settings.sla)), [props.settings]);

  const setTarget = (p: Priority, field: keyof Draft['targets'][Priority], value: string) =>
    setDraft((d) => ({
      ...d,
      targets: { ...d.targets, [p]: { ...d.targets[p], [field]: value } },
    }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    const input = {
      targets: Object.fromEntries(
        priorities.map((p) => [
          p,
          {
            responseMinutes: num(draft.targets[p].responseMinutes),
            resolutionMinutes: num(draft.targets[p].resolutionMinutes),
            calendar: draft.targets[p].calendar,
          },
        ]),
      ),
      atRiskThreshold: (() => {
        const v = num(draft.atRiskPercent);
        return typeof v === 'number' ? v / 100 : v;
      })(),
    };
    const parsed = slaConfigSchema.safeParse(input);
    if (!parsed.success) {
      const next = new Map<string, string>();
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        if (!next.has(key))
          next.set(
            key,
            t('settings.invalid', { field: fieldLabel(issue.path, t), message: issue.message }),
          );
      }
      setErrors(next);
      return;
    }
    setErrors(new Map());
    setSaving(true);
    const result = await saveSlaSettings(props.access, parsed.data, props.settings.version);
    setSaving(false);
    if (result.ok) {
      applySlaSettings(result.settings);
      props.onSaved(result.settings);
      setMessage({ kind: 'ok', text: t('settings.saved', { version: result.settings.version }) });
    } else {
      const key =
        result.reason === 'conflict'
          ? t('settings.conflict')
          : result.reason === 'forbidden'
            ? t('settings.forbidden')
            : result.reason === 'offline'
              ? t('settings.offline')
              : t('settings.failed', { message: result.message });
      setMessage({ kind: 'error', text: key });
    }
  }

  const errorOf = (path: string) => errors.get(path);
  const input = (path: string, value: string, onChange: (v: string) => void, label: string) => {
    const error = errorOf(path);
    return (
      <input
        id={`${id}-${path}`}
        inputMode="decimal"
        value={value}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-${path}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  };

  return (
    <form
      className="sla-settings"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="sla-settings"
    >
      <p className="sla-settings__version">
        {props.settings.version === 0
          ? t('settings.fromConfig')
          : t('settings.version', {
              version: props.settings.version,
              when: props.settings.updatedAt
                ? formatDateTime(props.settings.updatedAt, locale)
                : '',
            })}
      </p>
      <table className="sla-table">
        <thead>
          <tr>
            <th scope="col">{t('col.priority')}</th>
            <th scope="col">{t('settings.responseMinutes')}</th>
            <th scope="col">{t('settings.resolutionMinutes')}</th>
            <th scope="col">{t('settings.calendar')}</th>
          </tr>
        </thead>
        <tbody>
          {priorities.map((p) => (
            <tr key={p}>
              <th scope="row">{t(`priority.${p}`)}</th>
              <td>
                {input(
                  `targets.${p}.responseMinutes`,
                  draft.targets[p].responseMinutes,
                  (v) => setTarget(p, 'responseMinutes', v),
                  `${t(`priority.${p}`)} — ${t('settings.responseMinutes')}`,
                )}
              </td>
              <td>
                {input(
                  `targets.${p}.resolutionMinutes`,
                  draft.targets[p].resolutionMinutes,
                  (v) => setTarget(p, 'resolutionMinutes', v),
                  `${t(`priority.${p}`)} — ${t('settings.resolutionMinutes')}`,
                )}
              </td>
              <td>
                <select
                  value={draft.targets[p].calendar}
                  aria-label={`${t(`priority.${p}`)} — ${t('settings.calendar')}`}
                  onChange={(e) => setTarget(p, 'calendar', e.target.value)}
                >
                  <option value="support">{t('settings.calendar.support')}</option>
                  <option value="roundTheClock">{t('settings.calendar.roundTheClock')}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="sla-settings__threshold" htmlFor={`${id}-atRiskThreshold`}>
        {t('settings.atRiskThreshold')}
      </label>
      {input(
        'atRiskThreshold',
        draft.atRiskPercent,
        (v) => setDraft((d) => ({ ...d, atRiskPercent: v })),
        t('settings.atRiskThreshold'),
      )}
      {errors.size > 0 ? (
        <ul className="sla-settings__errors" role="alert">
          {[...errors.entries()].map(([path, text]) => (
            <li key={path} id={`${id}-${path}-error`}>
              {text}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="sla-settings__actions">
        <button type="submit" disabled={saving}>
          {saving ? t('settings.saving') : t('settings.save')}
        </button>
        {message ? (
          <span
            role="status"
            className={`sla-settings__message sla-settings__message--${message.kind}`}
          >
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
