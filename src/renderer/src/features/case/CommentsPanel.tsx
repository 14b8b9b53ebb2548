import type { CommentVisibility } from '@core/case/index';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { TimelineEntry } from '../../db/case-repository';
import type { LocalCase } from '../../db/local-records';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useToastStore } from '../../stores/toast-store';
import { useApplyChange } from '../../workstation/use-apply-change';
import { usePersonName } from '../../workstation/use-person-name';
import { useWorkstation } from '../../workstation/workstation-context';
import { personWithRequester, type RequesterRef } from './history-text';
import {
  type PickedReply,
  type ReplyKind,
  ReplyPicker,
  replyKindOf,
  replyShortcuts,
} from './ReplyPicker';
import { templateValuesFor } from './reply-text';
import { entryFacts } from './timeline-facts';

/** Comments, internal or to the requester (a comment to the requester is a response). */
export function CommentsPanel({
  caseId,
  timeline,
  requester,
  record,
}: {
  caseId: string;
  timeline: TimelineEntry[];
  requester: RequesterRef;
  /** The case, for reply templates (its line, category and placeholders). */
  record?: LocalCase;
}) {
  const t = useT();
  const locale = useLocale();
  const person = personWithRequester(usePersonName(), requester, t);
  const applyChange = useApplyChange();
  const showToast = useToastStore((s) => s.show);
  const ids = { body: useId(), vis: useId() };
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<CommentVisibility>('internal');
  // A reply template may set the status when the reply is sent (shown, and can be dropped).
  const [setsStatus, setSetsStatus] = useState<PickedReply['setsStatus']>(null);
  const [picker, setPicker] = useState<ReplyKind | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const ws = useWorkstation();
  const config = useServiceConfigStore((s) => s.config);
  const calendar = useServiceConfigStore((s) => s.calendar);
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
    if (refused) {
      showToast(refused, 'error');
      return;
    }
    if (setsStatus) {
      const statusRefused = await applyChange(caseId, {
        type: 'statusChanged',
        status: setsStatus,
        waitingReason: setsStatus === 'waiting' ? 'requester' : null,
        // A resolution carries what was done: the reply itself.
        note: setsStatus === 'resolved' ? body.trim().slice(0, 2_000) : '',
      });
      if (statusRefused) showToast(statusRefused, 'error');
    }
    setBody('');
    setSetsStatus(null);
    // Back to internal after each send: the next note must not reach the requester by habit.
    setVisibility('internal');
  }

  /** Puts a chosen template or article into the comment, as a reply to the requester. */
  function insert(reply: PickedReply) {
    setPicker(null);
    const box = bodyRef.current;
    const at = box?.selectionStart ?? body.length;
    const before = body.slice(0, at);
    const joiner = before && !before.endsWith('\n') ? '\n' : '';
    const next = `${before}${joiner}${reply.text}${body.slice(at)}`;
    setBody(next);
    setVisibility('requester');
    if (reply.setsStatus) setSetsStatus(reply.setsStatus);
    // Focus returns to the comment with the caret after what was inserted.
    const caret = before.length + joiner.length + reply.text.length;
    requestAnimationFrame(() => {
      bodyRef.current?.focus();
      bodyRef.current?.setSelectionRange(caret, caret);
    });
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
          <textarea
            id={ids.body}
            ref={bodyRef}
            value={body}
            aria-keyshortcuts={`${replyShortcuts.template.aria} ${replyShortcuts.faq.aria}`}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(e) => {
              const kind = replyKindOf(e);
              if (!kind) return;
              e.preventDefault();
              setPicker(kind);
            }}
          />
        </div>
        <div className="row">
          {(['template', 'faq'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              aria-keyshortcuts={replyShortcuts[kind].aria}
              title={t('reply.shortcut', { keys: replyShortcuts[kind].label })}
              onClick={() => setPicker(kind)}
            >
              {kind === 'template' ? t('reply.templates') : t('reply.faq')}{' '}
              <span className="app-nav__shortcut" aria-hidden="true">
                <kbd>{replyShortcuts[kind].label}</kbd>
              </span>
            </button>
          ))}
        </div>
        {setsStatus ? (
          <p className="row" data-testid="reply-sets-status">
            {t('reply.setsStatus', { status: t(`status.${setsStatus}`) })}
            <button type="button" onClick={() => setSetsStatus(null)}>
              {t('reply.keepStatus')}
            </button>
          </p>
        ) : null}
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
      {picker ? (
        <ReplyPicker
          kind={picker}
          line={record?.line ?? 1}
          categoryId={record?.categoryId ?? null}
          values={
            record
              ? templateValuesFor(record, {
                  agentName: ws.session.row.user.displayName,
                  municipalities: config.municipalities,
                  calendar,
                  supportNumber: config.calendar.phoneNumbers.support,
                  now: Date.now(),
                })
              : {}
          }
          onPick={insert}
          onClose={() => setPicker(null)}
        />
      ) : null}
    </section>
  );
}
