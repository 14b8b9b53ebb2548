import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case/case-record';
import { sampleCase } from '../rules/rule-test-fixtures';
import {
  cursorHasPassed,
  type OutboxItemFacts,
  serverHasCaughtUp,
  stillToApply,
} from './outbox-catch-up';

const at = (version: number) => sampleCase({ version });
const item = (state: OutboxItemFacts['state'], seq: number | null = null) => ({ state, seq });

describe('has the server record caught up with an outbox item', () => {
  it.each<[string, OutboxItemFacts, CaseRecord | null, boolean, boolean]>([
    // what, item, server record, caught up, still to apply (shown on top)
    ['pending', item('pending'), at(9), false, true],
    ['sending', item('sending'), at(9), false, true],
    ['acknowledged, no record pulled yet', item('acknowledged', 5), null, false, true],
    ['acknowledged, record older than its event', item('acknowledged', 5), at(4), false, true],
    ['acknowledged, record is its event', item('acknowledged', 5), at(5), true, false],
    ['acknowledged, record past its event', item('acknowledged', 5), at(8), true, false],
    ['acknowledged without a sequence', item('acknowledged', null), at(8), false, true],
    ['rejected: never applied, never shown', item('rejected'), at(8), false, false],
    ['rejected without a record', item('rejected'), null, false, false],
  ])('%s', (_what, facts, server, caughtUp, shown) => {
    expect(serverHasCaughtUp(facts, server)).toBe(caughtUp);
    expect(stillToApply(facts, server)).toBe(shown);
  });

  it.each<[string, OutboxItemFacts, number, boolean]>([
    ['cursor before the event', item('acknowledged', 5), 4, false],
    ['cursor at the event', item('acknowledged', 5), 5, true],
    ['cursor past the event', item('acknowledged', 5), 50, true],
    ['pending items are never passed', item('pending', 5), 50, false],
    ['acknowledged without a sequence', item('acknowledged', null), 50, false],
  ])('the pull cursor has passed it: %s', (_what, facts, cursor, passed) => {
    expect(cursorHasPassed(facts, cursor)).toBe(passed);
  });
});
