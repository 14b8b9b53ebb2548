import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Dialog } from '../../workstation/Dialog';
import type { BoardMove, MoveAnswers } from './board-moves';

export type { MoveAnswers } from './board-moves';

interface MoveDialogProps {
  number: string;
  move: Extract<BoardMove, { kind: 'escalate' } | { kind: 'status' }>;
  onConfirm: (answers: MoveAnswers) => void;
  onCancel: () => void;
}

/**
 * Asks what a move needs: the reason and what was tried (lanes), what the case waits for, or
 * what resolved it (the requester reads that note in the portal).
 */
export function MoveDialog({ number, move, onConfirm, onCancel }: MoveDialogProps) {
  const t = useT();
  const ids = { reason: useId(), tried: useId(), error: useId(), note: useId(), hint: useId() };
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState('');
  const [waitingReason, setWaitingReason] = useState<'requester' | 'thirdParty'>('requester');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (move.kind === 'escalate') {
      if (!reason.trim()) {
        setError(t('escalate.reasonRequired'));
        return;
      }
      onConfirm({ reason: reason.trim(), tried: tried.trim() });
    } else if (move.needsNote) {
      if (!note.trim()) {
        setError(t('resolveDialog.noteRequired'));
        return;
      }
      onConfirm({ note: note.trim() });
    } else onConfirm({ waitingReason });
  }

  if (move.kind === 'status' && move.needsNote) {
    return (
      <Dialog title={t('resolveDialog.title', { number })} onClose={onCancel}>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={ids.note}>{t('resolveDialog.note')}</label>
            <textarea
              id={ids.note}
              value={note}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
              onChange={(e) => setNote(e.target.value)}
            />
            <span id={ids.hint} className="field__hint">
              {t('resolveDialog.noteHint')}
            </span>
            {error ? (
              <span id={ids.error} className="error" role="alert">
                {error}
              </span>
            ) : null}
          </div>
          <div className="dialog__actions">
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary">
              {t('resolveDialog.confirm')}
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  if (move.kind === 'status') {
    return (
      <Dialog title={t('waitingDialog.title', { number })} onClose={onCancel}>
        <form onSubmit={submit}>
          {(['requester', 'thirdParty'] as const).map((r) => (
            <label key={r} className="field field--inline">
              <input
                type="radio"
                name="waitingReason"
                checked={waitingReason === r}
                onChange={() => setWaitingReason(r)}
              />
              {t(`waiting.${r}`)}
            </label>
          ))}
          <div className="dialog__actions">
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary">
              {t('common.save')}
            </button>
          </div>
        </form>
      </Dialog>
    );
  }
  const title = t(move.up ? 'escalate.up' : 'escalate.down', { number, line: move.toLine });
  return (
    <Dialog title={title} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={ids.reason}>{t('escalate.reason')}</label>
          <textarea
            id={ids.reason}
            value={reason}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? (
            <span id={ids.error} className="error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.tried}>{t('escalate.tried')}</label>
          <textarea id={ids.tried} value={tried} onChange={(e) => setTried(e.target.value)} />
        </div>
        <div className="dialog__actions">
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t(move.up ? 'escalate.confirmUp' : 'escalate.confirmDown')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
