import type { KnownFault } from '@core/api';
import type { CaseRecord } from '@core/case';
import type { ProblemCategory } from '@core/config';
import { useEffect, useState } from 'react';
import { failureReason } from '../api/failure-reason';
import { PortalLink } from '../app/PortalLink';
import { usePortal } from '../app/portal-context';

/**
 * "This fault is known" (issue 16): while a major incident of this category and the user's
 * municipality is open, the report form says so and offers "I am affected too": one click
 * makes the user's own case, joined to the major incident, instead of a full report.
 */
export function KnownFaultBox({
  category,
  municipalityId,
}: {
  category: ProblemCategory;
  municipalityId: string;
}) {
  const { t, locale, api, session, navigate } = usePortal();
  const [faults, setFaults] = useState<KnownFault[]>([]);
  const [joined, setJoined] = useState<CaseRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void api
      .knownFaults?.(category.id, municipalityId)
      .then((found) => {
        if (!cancelled) setFaults(found);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [api, category.id, municipalityId]);
  const fault = faults[0];
  if (!fault) return null;

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const { case: created } = await api.createCase({
        title: t('known.caseTitle', { title: fault.title }).slice(0, 300),
        description: '',
        priority: 'low',
        channel: 'portal',
        // No category: its form (filled in for a new fault) is not asked for a known one; the
        // major incident this case joins has the category.
        categoryId: null,
        requester: {
          name: session.user.displayName,
          contact: '',
          municipalityId,
          unit: '',
          userId: session.user.id,
        },
      });
      await api.changeCase(created.id, { type: 'affectedSet', majorIncidentId: fault.id });
      setJoined(created);
    } catch (e) {
      setError(t('known.failed', { reason: failureReason(e, locale, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="card notice notice--warning"
      aria-labelledby="known-fault-title"
      data-testid="known-fault"
    >
      <h2 id="known-fault-title">{t('known.title')}</h2>
      <p>{t('known.body', { title: fault.title, number: fault.number ?? '' })}</p>
      {joined ? (
        <p role="status">
          {t('known.joined')}{' '}
          <PortalLink to={{ name: 'case', id: joined.id }} navigate={navigate}>
            {t('known.open')}
          </PortalLink>
        </p>
      ) : (
        <p className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void join()}>
            {t('known.affected')}
          </button>
        </p>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
