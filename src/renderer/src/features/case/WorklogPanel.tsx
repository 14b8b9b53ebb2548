import type { SupportLine } from '@core/case/index';
import { type FormEvent, useId, useState } from 'react';
import type { TimelineEntry } from '../../db/case-repository';
import type { LocalCase } from '../../db/local-records';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useToastStore } from '../../stores/toast-store';
import { useApplyChange } from '../../workstation/use-apply-change';
import { usePersonName } from '../../workstation/use-person-name';
import { worklogTotals } from './history-text';
import { entryFacts } from './timeline-facts';
import { worklogEntries } from './worklog-entries';

/** Time spent, per line: totals, each entry (who, when, minutes, note) and a quick form. */
export function WorklogPanel({
  record,
  timeline,
}: {
  record: LocalCase;
  timeline: TimelineEntry[];
}) {
  const t = useT();
  const locale = useLocale();
  const person = usePersonName();
  const applyChange = useApplyChange();
  const showToast = useToastStore((s) => s.show);
  const ids = { minutes: useId(), line: useId(), note: useId() };
  const [minutes, setMinutes] = useState('');
  const [line, setLine] = useState<SupportLine>(record.line);
  const [note, setNote] = useState('');
  const facts = timeline.map(entryFacts);
  const totals = worklogTotals(facts.map((e) => e.change));
  const entries = worklogEntries(facts);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value <= 0) {
      showToast(t('common.required', { field: t('worklog.minutes') }), 'error');
      return;
    }
    const refused = await applyChange(record.id, {
      type: 'worklogAdded',
      entryId: crypto.randomUUID(),
      minutes: value,
      line,
      note: note.trim(),
    });
    if (refused) showToast(refused, 'error');
    else {
      setMinutes('');
      setNote('');
    }
  }

  return (
    <section className="panel" aria-labelledby="worklog-title">
      <h2 id="worklog-title">{t('worklog.title')}</h2>
      {totals.length === 0 ? <p>{t('worklog.none')}</p> : null}
      <ul>
        {totals.map((x) => (
          <li key={x.line}>{t('worklog.total', { line: x.line, minutes: x.minutes })}</li>
        ))}
      </ul>
      {entries.length > 0 ? (
        <ul className="feed" aria-label={t('worklog.entries')} data-testid="worklog-entries">
          {entries.map((e) => (
            <li key={e.key}>
              <div className="feed__when">
                {person(e.actorId)} · {formatDateTime(e.at, locale)}
                {e.pending ? ` · ${t('history.pending')}` : ''}
              </div>
              <div>{t('worklog.entry', { minutes: e.minutes, line: e.line })}</div>
              {e.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit} className="row">
        <div className="field">
          <label htmlFor={ids.minutes}>{t('worklog.minutes')}</label>
          <input
            id={ids.minutes}
            type="number"
            min={1}
            max={1440}
            inputMode="numeric"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            style={{ width: '6rem' }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.line}>{t('worklog.line')}</label>
          <select
            id={ids.line}
            value={line}
            onChange={(e) => setLine(Number(e.target.value) as SupportLine)}
          >
            {([1, 2, 3] as const).map((l) => (
              <option key={l} value={l}>
                {t('line.name', { line: l })}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor={ids.note}>{t('worklog.note')}</label>
          <input id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit">{t('worklog.add')}</button>
      </form>
    </section>
  );
}
