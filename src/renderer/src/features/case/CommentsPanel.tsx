import type { CommentVisibility } from '@core/case/index';
import { type FormEvent, useId, useState } from 'react';
import type { TimelineEntry } from '../../db/case-repository';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useToastStore } from '../../stores/toast-store';
import { useApplyChange } from '../../workstation/use-apply-change';
import { usePersonName } from '../../workstation/use-person-name';
import { personWithRequester, type RequesterRef } from './history-text';
import { entryFacts } from './timeline-facts';

/** Comments, internal or to the requester (a comment to the requester is a response). */
export function CommentsPanel({
  caseId,
  timeline,
  requester,
}: {
  caseId: string;
  timeline: TimelineEntry[];
  requester: RequesterRef;
}) {
  const t = useT();
  const locale = useLocale();
  const person = personWithRequester(usePersonName(), requester, t);
  const applyChange = useApplyChange();
  const showToast = useToastStore((s) => s.show);
  const ids = { body: useId(), vis: useId() };
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<CommentVisibility>('internal');
  const comments = timeline.map(entryFacts).filter((e) => e.change.type === 'commented');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    const refused = await applyChange(caseId, {
      type: 'commented',
      commentId: crypto.randomUUID(),
      body: body.trim(),
      visibility,
    });
    if (refused) showToast(refused, 'error');
    else {
      setBody('');
      // Back to internal after each send: the next note must not reach the requester by habit.
      setVisibility('internal');
    }
  }

  return (
    <section className="panel" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      {comments.length === 0 ? <p>{t('comments.none')}</p> : null}
      <ul className="feed">
        {comments.map((e) =>
          e.change.type === 'commented' ? (
            <li key={e.key} className={`feed__comment--${e.change.visibility}`}>
              <div className="feed__when">
                {person(e.actorId)} · {formatDateTime(e.at, locale)} ·{' '}
                {t(`comments.${e.change.visibility}`)}
                {e.pending ? ` · ${t('history.pending')}` : ''}
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{e.change.body}</div>
            </li>
          ) : null,
        )}
      </ul>
      <form onSubmit={submit} style={{ marginTop: '0.7rem' }}>
        <div className="field">
          <label htmlFor={ids.body}>{t('comments.body')}</label>
          <textarea id={ids.body} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <div className="row">
          <label htmlFor={ids.vis}>{t('comments.visibility')}</label>
          <select
            id={ids.vis}
            value={visibility}
            onChange={(e) => setVisibility(e.target.value as CommentVisibility)}
          >
            <option value="internal">{t('comments.internal')}</option>
            <option value="requester">{t('comments.requester')}</option>
          </select>
          <button type="submit" className="primary">
            {t('comments.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
