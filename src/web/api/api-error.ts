import { type ProblemDocument, problemDocumentSchema } from '@core/api';

/**
 * Why a call to the server failed, the same way for the workstation and the portal:
 * - `network`: no answer (offline, timed out, cut off) — the request may be retried;
 * - `problem`: the server answered with a problem document (`status`, `problem`);
 * - `invalid`: the server answered something the contract does not allow.
 */
export type ApiFailure = 'network' | 'problem' | 'invalid';

export class ApiError extends Error {
  constructor(
    readonly failure: ApiFailure,
    message: string,
    /** HTTP status when the server answered. */
    readonly status: number | null = null,
    /** The problem document, when the server sent one. */
    readonly problem: ProblemDocument | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The rule that refused the request, with its parameters, for wording it locally. */
  get rule(): string | null {
    return this.problem?.rule ?? null;
  }
  get params(): Readonly<Record<string, string | number>> {
    return this.problem?.params ?? {};
  }
}

/**
 * The one way to read an error answer: its problem document when it is one, else a problem
 * made from the status (a proxy's HTML error page, an empty body).
 */
export async function readProblem(response: Response): Promise<ProblemDocument> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // Cut off: fall back to the status.
  }
  try {
    // Lenient: a proxy or an older server may leave out fields; keep what is there.
    const parsed = problemDocumentSchema.partial().safeParse(JSON.parse(text));
    if (parsed.success) {
      const fallback = response.statusText || `the server answered ${response.status}`;
      return {
        ...parsed.data,
        type: parsed.data.type ?? 'about:blank',
        title: parsed.data.title ?? fallback,
        status: parsed.data.status ?? response.status,
        detail: parsed.data.detail ?? parsed.data.title ?? fallback,
      };
    }
  } catch {
    // Not JSON.
  }
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: response.statusText || `the server answered ${response.status}`,
  };
}
