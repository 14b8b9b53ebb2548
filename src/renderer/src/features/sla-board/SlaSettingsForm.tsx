import { type Priority, priorities } from '@core/case/index';
import type { SlaSettings } from '@core/reports/index';
import {
  changeCalendar,
  changeUnit,
  checkSlaDraft,
  draftOfConfig,
  type SlaDraft,
  type SlaDraftField,
  type TargetDraft,
  type TargetUnit,
  unitsFor,
} from '@core/sla/index';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useDirectoryStore } from '../../stores/directory-store';
import { useSlaT } from './sla-board-messages';
import { applySlaSettings, type ServerAccess, saveSlaSettings } from './sla-settings-api';
import { fieldLabel, issueText } from './sla-settings-words';

type Clock = 'response' | 'resolution';
const fieldOf = (p: Priority, clock: Clock): SlaDraftField =>
  `targets.${p}.${clock === 'response' ? 'responseMinutes' : 'resolutionMinutes'}`;

/**
 * Team leaders change the SLA targets and the at-risk threshold. Targets are typed in
 * minutes, hours or working days (stored as minutes); core's `checkSlaDraft` checks the
 * draft before sending, and each problem is said in the user's language with the field's
 * name, the field marked invalid, and what was typed left as it was. The server checks again,
 * audits and versions the change.
 */
export function SlaSettingsForm(props: {
  settings: SlaSettings;
  access: ServerAccess;
  onSaved: (settings: SlaSettings) => void;
}) {
  const t = useSlaT();
  const locale = useLocale();
  const decimal = t('unit.decimal') === ',' ? ',' : '.';
  const id = useId();
  const [draft, setDraft] = useState<SlaDraft>(() => draftOfConfig(props.settings.sla, decimal));
  const [errors, setErrors] = useState<Map<SlaDraftField, string>>(new Map());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // Who made the change in force, by name (the settings carry only their user id).
  const changedBy = useDirectoryStore(
    (s) => s.staff.find((m) => m.id === props.settings.updatedBy)?.displayName ?? null,
  );
  // Start again from the settings only when a new version arrives and nothing is being typed:
  // a poll that brings the same settings, or someone else's save, never wipes a draft.
  const edited = useRef(false);
  const version = props.settings.version;
  const sla = props.settings.sla;
  // biome-ignore lint/correctness/useExhaustiveDependencies: restart on a new version only
  useEffect(() => {
    if (!edited.current) setDraft(draftOfConfig(sla, decimal));
  }, [version, decimal]);

  const update = (change: (d: SlaDraft) => SlaDraft) => {
    edited.current = true;
    setDraft(change);
  };
  const setRow = (
    p: Priority,
    change: (row: SlaDraft['targets'][Priority]) => SlaDraft['targets'][Priority],
  ) => update((d) => ({ ...d, targets: { ...d.targets, [p]: change(d.targets[p]) } }));
  const setTarget = (p: Priority, clock: Clock, target: TargetDraft) =>
    setRow(p, (row) => ({ ...row, [clock]: target }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    const checked = checkSlaDraft(draft);
    if (!checked.ok) {
      setErrors(new Map(checked.issues.map((i) => [i.field, issueText(i, draft, t)])));
      return;
    }
    setErrors(new Map());
    setSaving(true);
    const result = await saveSlaSettings(props.access, checked.config, props.settings.version);
    setSaving(false);
    if (result.ok) {
      edited.current = false;
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

  const described = (field: SlaDraftField, extra?: string) =>
    [errors.has(field) ? `${id}-${field}-error` : null, extra].filter(Boolean).join(' ') ||
    undefined;
  const amountInput = (field: SlaDraftField, value: string, onChange: (v: string) => void) => (
    <input
      id={`${id}-${field}`}
      inputMode="decimal"
      value={value}
      aria-label={fieldLabel(field, t)}
      aria-invalid={errors.has(field) ? true : undefined}
      aria-describedby={described(field, field === 'atRiskThreshold' ? undefined : `${id}-help`)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  const target = (p: Priority, clock: Clock) => {
    const field = fieldOf(p, clock);
    const value = draft.targets[p][clock];
    return (
      <div style={{ display: 'flex', gap: '0.3rem', flexWrap: 'wrap' }}>
        {amountInput(field, value.amount, (amount) => setTarget(p, clock, { ...value, amount }))}
        <select
          value={value.unit}
          aria-label={`${fieldLabel(field, t)} — ${t('settings.unit')}`}
          onChange={(e) =>
            setTarget(p, clock, changeUnit(value, e.target.value as TargetUnit, decimal))
          }
        >
          {unitsFor(draft.targets[p].calendar).map((u) => (
            <option key={u} value={u}>
              {t(`settings.unit.${u}`)}
            </option>
          ))}
        </select>
      </div>
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
          : t(changedBy ? 'settings.versionBy' : 'settings.version', {
              version: props.settings.version,
              when: props.settings.updatedAt
                ? formatDateTime(props.settings.updatedAt, locale)
                : '',
              who: changedBy ?? '',
            })}
      </p>
      <p id={`${id}-help`}>{t('settings.units.help')}</p>
      <table className="sla-table">
        <thead>
          <tr>
            <th scope="col">{t('col.priority')}</th>
            <th scope="col">{t('settings.response')}</th>
            <th scope="col">{t('settings.resolution')}</th>
            <th scope="col">{t('settings.calendar')}</th>
          </tr>
        </thead>
        <tbody>
          {priorities.map((p) => (
            <tr key={p}>
              <th scope="row">{t(`priority.${p}`)}</th>
              <td>{target(p, 'response')}</td>
              <td>{target(p, 'resolution')}</td>
              <td>
                <select
                  value={draft.targets[p].calendar}
                  aria-label={fieldLabel(`targets.${p}.calendar`, t)}
                  aria-invalid={errors.has(`targets.${p}.calendar`) ? true : undefined}
                  aria-describedby={described(`targets.${p}.calendar`)}
                  onChange={(e) => setRow(p, (row) => changeCalendar(row, e.target.value, decimal))}
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
      {amountInput('atRiskThreshold', draft.atRiskPercent, (v) =>
        update((d) => ({ ...d, atRiskPercent: v })),
      )}
      {errors.size > 0 ? (
        <ul className="sla-settings__errors" role="alert">
          {[...errors.entries()].map(([field, text]) => (
            <li key={field} id={`${id}-${field}-error`}>
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
