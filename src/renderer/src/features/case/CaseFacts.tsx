import { requesterPhone } from '@core/case/index';
import type { ReactNode } from 'react';
import type { LocalCase } from '../../db/local-records';
import { formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useServiceConfigStore } from '../../stores/service-config-store';
import { usePersonName } from '../../workstation/use-person-name';

/** The case's fields as a definition list (times in Europe/Oslo). */
export function CaseFacts({ record: c }: { record: LocalCase }) {
  const t = useT();
  const locale = useLocale();
  const person = usePersonName();
  const config = useServiceConfigStore((s) => s.config);
  const municipality =
    config.municipalities.find((m) => m.id === c.requester.municipalityId)?.name ??
    c.requester.municipalityId;
  const category = config.categories.find((k) => k.id === c.categoryId);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t('common.none'));
  // "Eg har ikkje nett": an answer in the portal may never be read, so phone them.
  const phone = requesterPhone(c.requester.contact);
  const rows: Array<[string, ReactNode]> = [
    [t('case.number'), c.number ?? `${c.provisionalNumber} (${t('card.provisional')})`],
    [t('case.status'), c.waitingReason ? t(`waiting.${c.waitingReason}`) : t(`status.${c.status}`)],
    [t('case.line'), t('line.name', { line: c.line })],
    [t('case.assignee'), person(c.assigneeId) ?? t('card.unassigned')],
    [t('case.requester'), c.requester.name],
    [t('case.contact'), c.requester.contact || t('common.none')],
    [t('case.municipality'), municipality],
    [t('case.unit'), c.requester.unit || t('common.none')],
    [t('case.category'), category ? category.name[locale] : t('common.none')],
    [t('case.channel'), t(`channel.${c.channel}`)],
    [t('case.createdAt'), when(c.createdAt)],
    [t('case.updatedAt'), when(c.updatedAt)],
    [t('case.firstResponseAt'), when(c.firstResponseAt)],
    [t('case.resolvedAt'), when(c.resolvedAt)],
  ];
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('case.details')}</h2>
      {c.requester.noNetwork ? (
        <div className="notice" data-testid="no-network">
          <p>{t('case.noNetwork')}</p>
          <p>
            <strong>
              {phone ? (
                <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>
                  {t('case.callRequester', { phone })}
                </a>
              ) : (
                t('case.noPhone')
              )}
            </strong>
          </p>
        </div>
      ) : null}
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
