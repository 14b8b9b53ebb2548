import type { CaseChangeInput, CaseRecord } from '@core/case';
import { type FormEvent, useRef, useState } from 'react';
import { failureReason } from '../api/failure-reason';
import { usePortal } from '../app/portal-context';
import { randomId } from '../app/random-id';

/** Comment, confirm the solution (resolved → closed) or reopen: all a requester may do. */
export function CaseActions({ record, onChanged }: { record: CaseRecord; onChanged(): void }) {
  const { t, locale, api } = usePortal();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  const send = async (change: CaseChangeInput, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await api.changeCase(record.id, change);
      setMessage({ text: done, error: false });
      onChanged();
      return true;
    } catch (error) {
      const reasonText = failureReason(error, locale, t);
      setMessage({ text: t('action.failed', { reason: reasonText }), error: true });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submitComment = async (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim() === '') {
      setCommentMissing(true);
      commentRef.current?.focus();
      return;
    }
    setCommentMissing(false);
    const body = comment.trim();
    const ok = await send(
      { type: 'commented', commentId: randomId(), body, visibility: 'requester' },
      t('comment.sent'),
    );
    if (ok) setComment('');
  };

  const reopen = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await send(
      { type: 'statusChanged', status: 'reopened', note: reason.trim() },
      t('action.reopened'),
    );
    if (ok) setReason('');
  };

  const canReopen = record.status === 'resolved' || record.status === 'closed';
  return (
    <>
      <div role="status" className="status-message">
        {message && (
          <p className={message.error ? 'alert alert--error' : 'alert alert--ok'}>{message.text}</p>
        )}
      </div>
      {record.status === 'resolved' && (
        <section className="card card--highlight" aria-labelledby="resolved-heading">
          <h2 id="resolved-heading">{t('resolved.heading')}</h2>
          <p>{t('resolved.text')}</p>
          <p className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() =>
                void send({ type: 'statusChanged', status: 'closed' }, t('action.confirmed'))
              }
            >
              {t('resolved.confirm')}
            </button>
          </p>
        </section>
      )}
      {canReopen && (
        <section className="card" aria-labelledby="reopen-heading">
          <h2 id="reopen-heading">{t('reopen.heading')}</h2>
          <form onSubmit={reopen} className="form">
            <div className="field">
              <label htmlFor="reopen-reason">{t('reopen.reason')}</label>
              <textarea
                id="reopen-reason"
                rows={3}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t('reopen.button')}
            </button>
          </form>
        </section>
      )}
      <section className="card" aria-labelledby="comment-heading">
        <h2 id="comment-heading">{t('comment.heading')}</h2>
        <form onSubmit={submitComment} className="form" noValidate>
          <div className="field">
            <label htmlFor="comment">{t('comment.label')}</label>
            {commentMissing && (
              <p className="field__error" id="comment-error">
                {t('comment.missing')}
              </p>
            )}
            <textarea
              id="comment"
              ref={commentRef}
              rows={4}
              value={comment}
              aria-required="true"
              aria-invalid={commentMissing || undefined}
              aria-describedby={commentMissing ? 'comment-error' : undefined}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('comment.submit')}
          </button>
        </form>
      </section>
    </>
  );
}
