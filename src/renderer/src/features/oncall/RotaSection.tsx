import {
  getRota,
  putRotaOverrides,
  putRotaSettings,
  type RotaView,
  swapRotaPeriods,
} from '@core/api';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useLanguageStore } from '../../i18n/language-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { periodText } from './OnCallNow';
import { useOnCallT } from './oncall-messages';

const todayInOslo = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());

/**
 * The rota: periods from the service calendar with who is on call and backup; warnings for a
 * period with nobody. The team leader changes a period's person, swaps two periods and sets
 * the default rotation; others read it.
 */
export function RotaSection({ canEdit }: { canEdit: boolean }) {
  const ws = useWorkstation();
  const t = useOnCallT();
  const locale = useLanguageStore((s) => s.locale);
  const [from, setFrom] = useState(todayInOslo);
  const [rota, setRota] = useState<RotaView | null>(null);
  const [status, setStatus] = useState('');
  const [swap, setSwap] = useState({ a: '', b: '' });
  const [addId, setAddId] = useState('');

  const load = useCallback(() => {
    ws.api
      .call(getRota, { query: { from, days: 14 } })
      .then(setRota, (e: Error) => setStatus(t('loadFailed', { message: e.message })));
  }, [ws, from, t]);
  useEffect(load, [load]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setStatus(t('saved'));
      load();
    } catch (error) {
      setStatus(t('saveFailed', { message: (error as Error).message }));
    }
  };
  if (!rota) return <p role="status">{status || t('loading')}</p>;
  const nameOf = (id: string) => rota.people.find((p) => p.id === id)?.name ?? id;
  const periodLabel = (id: string) => {
    const a = rota.assignments.find((x) => x.period.id === id);
    return a ? periodText(t, a, locale) : id;
  };
  const setPerson = (periodId: string, role: 'primary' | 'backup', userId: string) =>
    run(() =>
      ws.api.call(putRotaOverrides, {
        body: { overrides: [{ periodId, role, userId: userId || null }] },
      }),
    );
  const saveRotation = (e: FormEvent) => {
    e.preventDefault();
    void run(() => ws.api.call(putRotaSettings, { body: rota.settings }));
  };
  const doSwap = (e: FormEvent) => {
    e.preventDefault();
    if (swap.a && swap.b) void run(() => ws.api.call(swapRotaPeriods, { body: swap }));
  };
  const personSelect = (
    periodId: string,
    role: 'primary' | 'backup',
    value: string | null,
    label: string,
  ) => (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => void setPerson(periodId, role, e.target.value)}
    >
      <option value="">{t('rota.nobody')}</option>
      {rota.people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );

  return (
    <section aria-labelledby="oncall-rota-heading" className="oncall-section">
      <h2 id="oncall-rota-heading">{t('rota.heading')}</h2>
      <form
        className="oncall-inline"
        onSubmit={(e) => {
          e.preventDefault();
          load();
        }}
      >
        <label>
          {t('rota.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <button type="submit">{t('rota.show')}</button>
      </form>
      {rota.warnings.length > 0 ? (
        <div role="alert" className="oncall-warnings">
          <h3>{t('rota.warnings')}</h3>
          <ul>
            {rota.warnings.map((w) => (
              <li key={`${w.periodId}-${w.kind}`}>
                {t(`rota.warning.${w.kind}`, { period: periodLabel(w.periodId) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <table className="oncall-table">
        <caption>{t('rota.caption', { from, days: 14 })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rota.col.period')}</th>
            <th scope="col">{t('rota.col.onCall')}</th>
            <th scope="col">{t('rota.col.backup')}</th>
          </tr>
        </thead>
        <tbody>
          {rota.assignments.map((a) => {
            const label = periodText(t, a, locale);
            return (
              <tr key={a.period.id} className={a.primary ? undefined : 'oncall-empty'}>
                <th scope="row">{label}</th>
                <td>
                  {canEdit
                    ? personSelect(
                        a.period.id,
                        'primary',
                        a.primary?.id ?? null,
                        t('rota.onCallFor', { period: label }),
                      )
                    : (a.primary?.name ?? t('rota.nobody'))}
                  {a.primarySource === 'override' ? (
                    <span className="oncall-tag"> {t('rota.changed')}</span>
                  ) : null}
                </td>
                <td>
                  {canEdit
                    ? personSelect(
                        a.period.id,
                        'backup',
                        a.backup?.id ?? null,
                        t('rota.backupFor', { period: label }),
                      )
                    : (a.backup?.name ?? t('rota.nobody'))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canEdit ? (
        <>
          <form onSubmit={doSwap} className="oncall-inline">
            <fieldset>
              <legend>{t('rota.swap')}</legend>
              {(['a', 'b'] as const).map((side) => (
                <label key={side}>
                  {t(side === 'a' ? 'rota.swapA' : 'rota.swapB')}
                  <select
                    value={swap[side]}
                    onChange={(e) => setSwap({ ...swap, [side]: e.target.value })}
                  >
                    <option value="" />
                    {rota.assignments.map((a) => (
                      <option key={a.period.id} value={a.period.id}>
                        {periodText(t, a, locale)} — {a.primary?.name ?? t('rota.nobody')}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <button type="submit">{t('rota.swapDo')}</button>
            </fieldset>
          </form>
          <form onSubmit={saveRotation} className="oncall-form">
            <fieldset>
              <legend>{t('rota.rotation')}</legend>
              <p>{t('rota.people')}</p>
              <ol>
                {rota.settings.rotation.map((id, i) => (
                  <li key={id}>
                    {nameOf(id)}{' '}
                    <button
                      type="button"
                      onClick={() =>
                        setRota({
                          ...rota,
                          settings: {
                            ...rota.settings,
                            rotation: rota.settings.rotation.filter((_, j) => j !== i),
                          },
                        })
                      }
                    >
                      {t('rota.remove', { name: nameOf(id) })}
                    </button>
                  </li>
                ))}
              </ol>
              <label>
                {t('rota.add')}
                <select value={addId} onChange={(e) => setAddId(e.target.value)}>
                  <option value="" />
                  {rota.people
                    .filter((p) => !rota.settings.rotation.includes(p.id))
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name}
                      </option>
                    ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => {
                  if (!addId) return;
                  setRota({
                    ...rota,
                    settings: { ...rota.settings, rotation: [...rota.settings.rotation, addId] },
                  });
                  setAddId('');
                }}
              >
                {t('rota.add')}
              </button>
              <label>
                {t('rota.rotateBy')}
                <select
                  value={rota.settings.rotateBy}
                  onChange={(e) =>
                    setRota({
                      ...rota,
                      settings: {
                        ...rota.settings,
                        rotateBy: e.target.value === 'day' ? 'day' : 'week',
                      },
                    })
                  }
                >
                  <option value="week">{t('rota.byWeek')}</option>
                  <option value="day">{t('rota.byDay')}</option>
                </select>
              </label>
              <label>
                {t('rota.anchor')}
                <input
                  type="date"
                  value={rota.settings.anchorDate}
                  onChange={(e) =>
                    setRota({ ...rota, settings: { ...rota.settings, anchorDate: e.target.value } })
                  }
                />
              </label>
              <button type="submit">{t('rota.saveRotation')}</button>
            </fieldset>
          </form>
        </>
      ) : (
        <p>{t('rota.leaderOnly')}</p>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
