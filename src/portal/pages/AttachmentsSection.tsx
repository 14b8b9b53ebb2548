import { formatBytes, formatDateTime } from '@web/i18n/format';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { failureReason } from '../api/failure-reason';
import type { Attachment } from '../api/portal-api';
import { usePortal } from '../app/portal-context';
import { checkAttachment } from '../logic/attachment-check';

/**
 * Files on the case, each downloadable, and an upload checked against the configured size and
 * type limits. `onUploaded` lets the case page refresh its history (the upload is an event).
 */
export function AttachmentsSection({
  caseId,
  onUploaded,
}: {
  caseId: string;
  onUploaded?(): void;
}) {
  const { t, locale, api, config } = usePortal();
  const limits = config.attachments;
  const [list, setList] = useState<Attachment[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // The native file input speaks the browser's language ("Choose File"): it is hidden, and a
  // button in the portal's language opens it, with the chosen file's name beside it.
  const chooseRef = useRef<HTMLButtonElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .attachments(caseId)
      .then(setList)
      .catch(() => setList(null));
  }, [api, caseId]);
  useEffect(load, [load]);

  if (list === undefined) return null;
  const max = formatBytes(limits.maxBytes, locale);

  // The file needs the bearer token, so it is fetched and handed to the browser as a download.
  const download = async (attachment: Attachment) => {
    setDone(null);
    try {
      const url = URL.createObjectURL(await api.download(attachment.id));
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setError(null);
    } catch (e) {
      setError(t('action.failed', { reason: failureReason(e, locale, t) }));
    }
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const file = inputRef.current?.files?.[0];
    const problem = file ? checkAttachment(file, limits) : 'empty';
    if (!file || problem) {
      setError(
        problem === 'tooBig'
          ? t('attach.tooBig', { name: file!.name, size: formatBytes(file!.size, locale), max })
          : problem === 'wrongType'
            ? t('attach.wrongType', { name: file!.name })
            : t('attach.missing'),
      );
      chooseRef.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await api.upload(caseId, file);
      setDone(t('attach.uploaded', { name: file.name }));
      if (inputRef.current) inputRef.current.value = '';
      setChosen(null);
      load();
      onUploaded?.();
    } catch (e) {
      setError(t('action.failed', { reason: failureReason(e, locale, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('attach.heading')}</h2>
      {list === null ? (
        <p className="muted">{t('attach.unavailable')}</p>
      ) : (
        <>
          {list.length === 0 ? (
            <p className="muted">{t('attach.none')}</p>
          ) : (
            <ul className="attachments">
              {list.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('attach.download', { name: a.fileName })}
                    onClick={() => void download(a)}
                  >
                    {a.fileName}
                  </button>{' '}
                  ({formatBytes(a.size, locale)}, {formatDateTime(a.uploadedAt, locale)})
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={upload} className="form" noValidate>
            <div className="field">
              <label htmlFor="attachment">{t('attach.label')}</label>
              <p className="field__help" id="attachment-help">
                {t('attach.help', { max })}
              </p>
              {error && (
                <p className="field__error" id="attachment-error">
                  {error}
                </p>
              )}
              <input
                type="file"
                id="attachment"
                ref={inputRef}
                hidden
                tabIndex={-1}
                accept={limits.allowedMimeTypes.join(',')}
                onChange={(e) => setChosen(e.target.files?.[0]?.name ?? null)}
              />
              <div className="attachment-choice">
                <button
                  type="button"
                  className="button"
                  ref={chooseRef}
                  aria-describedby={
                    error
                      ? 'attachment-error attachment-chosen attachment-help'
                      : 'attachment-chosen attachment-help'
                  }
                  onClick={() => inputRef.current?.click()}
                >
                  {t('attach.choose')}
                </button>{' '}
                <span id="attachment-chosen">{chosen ?? t('attach.noneChosen')}</span>
              </div>
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t('attach.submit')}
            </button>
            <div role="status">{done && <p className="alert alert--ok">{done}</p>}</div>
          </form>
        </>
      )}
    </section>
  );
}
