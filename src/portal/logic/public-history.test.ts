import type { CaseEvent } from '@core/case';
import { describe, expect, it } from 'vitest';
import { publicHistory } from './public-history';

let seq = 0;
const event = (actorId: string, change: CaseEvent['change']): CaseEvent => {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    caseId: '00000000-0000-4000-8000-000000000000',
    seq,
    at: `2026-03-10T09:0${seq}:00Z`,
    clientAt: `2026-03-10T09:0${seq}:00Z`,
    actorId,
    deviceId: 'd',
    mutationId: null,
    change,
  };
};
const commentId = '00000000-0000-4000-8000-00000000aaaa';

describe('the public part of a case history', () => {
  it('keeps what the requester may see, says "support" instead of names', () => {
    const events = [
      event('kari', {
        type: 'created',
        title: 'x',
        description: '',
        priority: 'low',
        priorityAnswers: null,
        channel: 'portal',
        requester: { name: 'Kari', contact: '', municipalityId: 'molde', unit: '', userId: 'kari' },
        categoryId: null,
        formValues: {},
      }),
      event('agent-1', {
        type: 'commented',
        commentId,
        body: 'Intern merknad',
        visibility: 'internal',
      }),
      event('agent-1', { type: 'worklogAdded', entryId: commentId, minutes: 5, line: 1, note: '' }),
      event('agent-1', { type: 'assigned', assigneeId: 'consultant-7' }),
      event('agent-1', { type: 'assigned', assigneeId: null }),
      event('agent-1', { type: 'escalated', toLine: 2, reason: 'Lokal skrivar', tried: '' }),
      event('agent-1', { type: 'commented', commentId, body: 'Prøv no?', visibility: 'requester' }),
      event('kari', {
        type: 'attachmentAdded',
        attachmentId: commentId,
        fileName: 'feilmelding.png',
        contentType: 'image/png',
        sizeBytes: 2048,
      }),
      event('agent-1', {
        type: 'statusChanged',
        status: 'resolved',
        waitingReason: null,
        note: '',
      }),
    ];
    const history = publicHistory(events, 'kari');
    expect(history.map((h) => [h.kind, h.by])).toEqual([
      ['created', 'you'],
      ['assigned', 'support'],
      ['escalated', 'support'],
      ['comment', 'support'],
      ['attachment', 'you'],
      ['status', 'support'],
    ]);
    expect(JSON.stringify(history)).not.toMatch(/Intern merknad|consultant-7|agent-1/);
  });

  it('shows the requester what resolved the case, and why it was reopened', () => {
    const history = publicHistory(
      [
        event('agent-1', {
          type: 'statusChanged',
          status: 'resolved',
          waitingReason: null,
          note: 'Bytte tonerkassett',
        }),
        event('kari', {
          type: 'statusChanged',
          status: 'reopened',
          waitingReason: null,
          note: 'Papirstopp igjen',
        }),
        event('agent-1', {
          type: 'statusChanged',
          status: 'inProgress',
          waitingReason: null,
          note: '',
        }),
      ],
      'kari',
    );
    expect(history.map((h) => (h.kind === 'status' ? [h.status, h.note] : h.kind))).toEqual([
      ['resolved', 'Bytte tonerkassett'],
      ['reopened', 'Papirstopp igjen'],
      ['inProgress', ''],
    ]);
  });
});
