/** Errors the local store throws for the UI to show (by `messageKey`) rather than crash on. */

/** A case rule refused a local change before it reached the outbox. */
export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  constructor(
    /** Machine-readable rule id, e.g. `escalation.reasonRequired`. */
    readonly rule: string,
    /** i18n key of the message for the user. */
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(`rule ${rule} refused the change (${messageKey})`);
  }
}

/** A change needs a signed-in user (the actor recorded with it). */
export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
  constructor() {
    super('a signed-in user is required to change cases');
  }
}

/** The case is not in the local store. */
export class CaseNotFoundError extends Error {
  override readonly name = 'CaseNotFoundError';
  constructor(readonly caseId: string) {
    super(`case ${caseId} is not in the local store`);
  }
}

/** The conflict (or rejected mutation) is unknown or already dealt with. */
export class NothingToResolveError extends Error {
  override readonly name = 'NothingToResolveError';
  constructor(readonly id: string) {
    super(`${id} is unknown or already resolved`);
  }
}
