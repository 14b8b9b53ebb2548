import { describe, expect, it } from 'vitest';
import { defaultProblemCategories } from './default-problem-categories';

/**
 * What every report asks whatever the category (the portal and the phone intake), stored on
 * the case itself: a category field meaning one of these asks the requester twice.
 */
const askedEverywhere = [
  {
    what: 'the description ("Kva skjedde?")',
    ids: /^(description|whatHappened)$/,
    nn: /skjedde|skildr/i,
  },
  { what: 'the unit (eining)', ids: /^(unit|unitName)$/, nn: /^eining\b/i },
];

describe('the default category forms ask nothing twice', () => {
  const fields = defaultProblemCategories.flatMap((c) =>
    c.fields.map((f) => ({ category: c.id, id: f.id, label: f.label.nn })),
  );
  it.each(askedEverywhere)('no form asks again for $what', ({ ids, nn }) => {
    expect(fields.filter((f) => ids.test(f.id) || nn.test(f.label))).toEqual([]);
  });

  it.each(defaultProblemCategories.map((c) => [c.id, c] as const))(
    '%s: no two fields share a label',
    (_id, category) => {
      const labels = category.fields.map((f) => f.label.nn.toLowerCase());
      expect(new Set(labels).size).toBe(labels.length);
    },
  );
});
