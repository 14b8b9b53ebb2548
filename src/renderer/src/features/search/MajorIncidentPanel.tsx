import { type PlannedChange, replyToAffected, solveMajorIncident } from '@core/case/index';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { RuleViolation } from '../../db/local-errors';
import type { LocalCase } from '../../db/local-records';
import { useLocale } from '../../i18n/use-t';
import { ruleViolationText } from '../../workstation/use-apply-change';
import { usePersonName } from '../../workstation/use-person-name';
import { useWorkstation } from '../../workstation/workstation-context';
import { displayNumber } from '../board/CaseCard';
import { useSearchT } from './search-messages';

/**
 * A case's major-incident side and its followers: mark it as a major incident; on one,
 * reply once to every affected requester and resolve it with its affected cases (some kept
 * open) with one note; on any other case, link it to a major incident as affected. Follow
 * or stop following. All through the local store and outbox, so it works offline.
 */
export function MajorIncidentPanel({ record: c }: { record: LocalCase }) {
  const st = useSearchT();
  const locale = useLocale();
  const ws = useWorkstation();
  const person = usePersonName();
  const ids = { reply: useId(), note: useId(), major: useId() };
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [keepOpen, setKeepOpen] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const affected = useLiveQuery(
    () => (c.majorIncident ? ws.db.cases.filter((x) => x.affectedBy === c.id).toArray() : []),
    [ws.db, c.id, c.majorIncident, c.version],
  );
  const majors = useLiveQuery(
    () =>
      c.majorIncident
        ? []
        : ws.db.cases.filter((x) => x.majorIncident === true && x.id !== c.id).toArray(),
    [ws.db, c.id, c.majorIncident],
  );
  const affectedBy = useLiveQuery(
    async () => (c.affectedBy ? ((await ws.db.cases.get(c.affectedBy)) ?? null) : null),
    [ws.db, c.affectedBy],
  );
  const following = (c.followerIds ?? []).includes(ws.actor.id);

  const run = async (plan: PlannedChange[]) => {
    const outcomes = await ws.repo.applyLocalChanges(plan);
    const refused = outcomes.filter((o) => o !== null);
    const reasons = refused.map((o) =>
      o instanceof RuleViolation ? ruleViolationText(o, locale) : o!.message,
    );
    setResult(
      `${st('mi.done', { ok: plan.length - refused.length, refused: refused.length })}${reasons.length ? `: ${[...new Set(reasons)].join('; ')}` : ''}`,
    );
  };
  const one = (change: PlannedChange['change']) => run([{ caseId: c.id, change }]);

  return (
    <section
      className="panel"
      aria-labelledby={`${ids.major}-title`}
      data-testid="major-incident-panel"
    >
      <h2 id={`${ids.major}-title`}>{st('mi.title')}</h2>
      <p>
        {c.followerIds?.length
          ? st('mi.followers', { names: c.followerIds.map((id) => person(id) ?? id).join(', ') })
          : st('mi.noFollowers')}{' '}
        <button
          type="button"
          onClick={() =>
            void one({ type: 'followersChanged', userId: ws.actor.id, following: !following })
          }
        >
          {following ? st('mi.unfollow') : st('mi.follow')}
        </button>
      </p>
      {c.majorIncident ? (
        <>
          <p>
            <strong className="tag">{st('mi.badge')}</strong>{' '}
            {st('mi.affectedCount', { count: affected?.length ?? 0 })}
          </p>
          <ul>
            {(affected ?? []).map((a) => (
              <li key={a.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={keepOpen.has(a.id)}
                    onChange={(e) => {
                      const next = new Set(keepOpen);
                      if (e.target.checked) next.add(a.id);
                      else next.delete(a.id);
                      setKeepOpen(next);
                    }}
                  />{' '}
                  {st('mi.keepOpen')}: {displayNumber(a)} {a.title}
                </label>
              </li>
            ))}
          </ul>
          <div className="field">
            <label htmlFor={ids.reply}>{st('mi.reply')}</label>
            <textarea id={ids.reply} value={reply} onChange={(e) => setReply(e.target.value)} />
          </div>
          <button
            type="button"
            disabled={!reply.trim() || !affected?.length}
            onClick={() => {
              void run(
                replyToAffected(
                  (affected ?? []).map((a) => a.id),
                  reply.trim(),
                  () => crypto.randomUUID(),
                ),
              );
              setReply('');
            }}
          >
            {st('mi.sendReply', { count: affected?.length ?? 0 })}
          </button>
          <div className="field">
            <label htmlFor={ids.note}>{st('mi.solveNote')}</label>
            <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button
            type="button"
            className="primary"
            disabled={!note.trim()}
            onClick={() => void run(solveMajorIncident(c, affected ?? [], note.trim(), keepOpen))}
          >
            {st('mi.solve')}
          </button>{' '}
          <button
            type="button"
            onClick={() => void one({ type: 'majorIncidentSet', major: false })}
          >
            {st('mi.unmark')}
          </button>
        </>
      ) : (
        <>
          {c.affectedBy ? (
            <p>
              {st('mi.affectedBy', { number: affectedBy ? displayNumber(affectedBy) : '…' })}{' '}
              <button
                type="button"
                onClick={() => void one({ type: 'affectedSet', majorIncidentId: null })}
              >
                {st('mi.unlink')}
              </button>
            </p>
          ) : majors?.length ? (
            <div className="field">
              <label htmlFor={ids.major}>{st('mi.linkTo')}</label>
              <select id={ids.major} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">{st('mi.choose')}</option>
                {majors.map((m) => (
                  <option key={m.id} value={m.id}>
                    {displayNumber(m)} {m.title}
                  </option>
                ))}
              </select>{' '}
              <button
                type="button"
                disabled={!chosen}
                onClick={() => void one({ type: 'affectedSet', majorIncidentId: chosen })}
              >
                {st('mi.link')}
              </button>
            </div>
          ) : null}
          {ws.actor.role !== 'consultant' ? (
            <button
              type="button"
              onClick={() => void one({ type: 'majorIncidentSet', major: true })}
            >
              {st('mi.mark')}
            </button>
          ) : null}
        </>
      )}
      {result ? <p role="status">{result}</p> : null}
    </section>
  );
}
