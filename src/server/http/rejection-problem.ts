/** A mutation a rule refused, as the problem document a REST caller gets. */

import type { MutationResult } from '@core/sync';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpProblem } from './problem';

/** HTTP status of a refused mutation. Unknown and invisible cases look the same: 404. */
export function statusOfRejection(result: MutationResult): ContentfulStatusCode {
  if (result.rule === 'case.notFound' || result.rule === 'access.notVisible') return 404;
  if (result.rule === 'case.alreadyExists' || result.rule === 'mutation.idReused') return 409;
  if (result.rule && /^(requester|access)\./.test(result.rule)) return 403;
  return 422;
}

export function rejectionProblem(result: MutationResult): HttpProblem {
  const status = statusOfRejection(result);
  const titles: Record<number, string> = {
    404: 'Not found',
    403: 'Forbidden',
    409: 'Conflict',
    422: 'Unprocessable content',
  };
  const title = titles[status] ?? 'Refused';
  return new HttpProblem(status, title, result.reason ?? 'refused', {
    ...(result.rule ? { rule: result.rule } : {}),
    ...(result.params ? { params: result.params } : {}),
  });
}
