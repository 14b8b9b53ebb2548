import { downloadAttachment, uploadAttachment } from '@core/api/index';
import { type ChangeEvent, useRef, useState } from 'react';
import type { TimelineEntry } from '../../db/case-repository';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useNetworkStore } from '../../stores/network-store';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { useToastStore } from '../../stores/toast-store';
import { useWorkstation } from '../../workstation/workstation-context';
import { entryFacts } from './timeline-facts';

/**
 * Files on the case. The list comes from the case's history (so it shows offline); upload
 * and download talk to the server directly, since files do not go through the outbox.
 */
export function AttachmentsPanel({
  caseId,
  timeline,
}: {
  caseId: string;
  timeline: TimelineEntry[];
}) {
  const t = useT();
  const locale = useLocale();
  const { api, engine } = useWorkstation();
  const online = useNetworkStore((s) => s.online);
  const limits = useServiceConfigStore((s) => s.config.attachments);
  const showToast = useToastStore((s) => s.show);
  // The native file input says "Choose File" in the browser's language, not the user's: it is
  // hidden, and a button in the UI language opens it.
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const files = timeline
    .map(entryFacts)
    .flatMap((e) => (e.change.type === 'attachmentAdded' ? [{ ...e.change, at: e.at }] : []));

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > limits.maxBytes) {
      showToast(t('attachments.tooLarge', { max: formatBytes(limits.maxBytes, locale) }), 'error');
      return;
    }
    if (!limits.allowedMimeTypes.includes(file.type)) {
      showToast(t('attachments.badType'), 'error');
      return;
    }
    setBusy(true);
    try {
      await api.call(uploadAttachment, {
        params: { id: caseId },
        query: { fileName: file.name },
        body: file,
      });
      showToast(t('attachments.uploaded', { name: file.name }));
      void engine.syncNow(); // brings the attachment's event into the history
    } catch (error) {
      showToast(t('attachments.failed', { message: String(error) }), 'error');
    } finally {
      setBusy(false);
    }
  }

  async function download(id: string, name: string) {
    try {
      const answer = await api.raw(downloadAttachment, { params: { id } });
      const url = URL.createObjectURL(await answer.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      showToast(t('attachments.failed', { message: String(error) }), 'error');
    }
  }

  return (
    <section className="panel" aria-labelledby="attachments-title" data-testid="attachments">
      <h2 id="attachments-title">{t('attachments.title')}</h2>
      {files.length === 0 ? <p>{t('attachments.none')}</p> : null}
      <ul>
        {files.map((f) => (
          <li key={f.attachmentId}>
            <button
              type="button"
              className="link"
              onClick={() => void download(f.attachmentId, f.fileName)}
            >
              {t('attachments.download', {
                name: f.fileName,
                size: formatBytes(f.sizeBytes, locale),
              })}
            </button>{' '}
            <span className="field__hint">{formatDateTime(f.at, locale)}</span>
          </li>
        ))}
      </ul>
      {online ? (
        <div className="field">
          <input
            ref={fileInput}
            type="file"
            hidden
            tabIndex={-1}
            aria-label={t('attachments.add')}
            disabled={busy}
            accept={limits.allowedMimeTypes.join(',')}
            onChange={(e) => void upload(e)}
          />
          <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            {t('attachments.add')}
          </button>
        </div>
      ) : (
        <p className="field__hint">{t('attachments.offline')}</p>
      )}
    </section>
  );
}
