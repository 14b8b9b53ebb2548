import { priorityLabel } from '@core/priority/index';
import type { ConflictRecord } from '../../db/local-records';
import { useLocale, useT } from '../../i18n/use-t';
import { usePersonName } from '../../workstation/use-person-name';
import { useWorkstation } from '../../workstation/workstation-context';

/**
 * Values of this user that lost to a newer change on the server while they were offline:
 * shown with both values and one button to apply theirs again.
 */
export function ConflictList({ conflicts }: { conflicts: ConflictRecord[] }) {
  const t = useT();
  const locale = useLocale();
  const person = usePersonName();
  const { repo } = useWorkstation();
  if (conflicts.length === 0) return null;
  const show = (c: ConflictRecord, v: unknown): string => {
    if (c.field === 'priority' && typeof v === 'string') return priorityLabel(v as 'low', locale);
    if (c.field === 'status' && typeof v === 'string') return t(`status.${v}` as 'status.new');
    if (c.field === 'assigneeId') return person(v as string | null) ?? t('card.unassigned');
    if (v !== null && typeof v === 'object') return JSON.stringify(v);
    return String(v ?? t('common.none'));
  };
  return (
    <section aria-labelledby="conflicts-title" data-testid="conflicts">
      <h2 id="conflicts-title">{t('conflict.title')}</h2>
      {conflicts.map((c) => (
        <div key={c.id} className="conflict">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('conflict.text', {
              who: c.serverChangedBy ? (person(c.serverChangedBy) ?? '') : t('conflict.someone'),
              field: t(`field.${c.field}`),
              server: show(c, c.serverValue),
              yours: show(c, c.yourValue),
            })}
          </p>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => void repo.reapplyConflict(c.id)}
            >
              {t('conflict.reapply')}
            </button>
            <button type="button" onClick={() => void repo.dismissConflict(c.id)}>
              {t('conflict.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
