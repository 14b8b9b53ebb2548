import { describe, expect, it } from 'vitest';
import { readProblem } from './api-error';

describe('one way to read an error answer', () => {
  it.each([
    [
      'a full problem document',
      JSON.stringify({
        type: 'https://saksbord.no/problems/forbidden',
        title: 'Forbidden',
        status: 403,
        detail: 'only staff',
        rule: 'role.required',
        params: { role: 'agent' },
      }),
      { status: 403, detail: 'only staff', rule: 'role.required', params: { role: 'agent' } },
    ],
    [
      'a problem without type and status',
      JSON.stringify({ title: 'Nope', detail: 'because', rule: 'r.x' }),
      { status: 403, title: 'Nope', detail: 'because', rule: 'r.x' },
    ],
    ['a title only', JSON.stringify({ title: 'Nope' }), { detail: 'Nope' }],
    ['a proxy’s HTML page', '<html>Bad gateway</html>', { status: 403, detail: 'Forbidden' }],
    ['an empty body', '', { status: 403, detail: 'Forbidden' }],
  ])('%s', async (_what, body, expected) => {
    const response = new Response(body, { status: 403, statusText: 'Forbidden' });
    expect(await readProblem(response)).toMatchObject(expected);
  });
});
