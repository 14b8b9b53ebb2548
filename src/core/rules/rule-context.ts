import type { MunicipalityConfig } from '../config/municipality-config';
import type { ProblemCategory } from '../config/problem-category';
import type { UserFacts } from './actor';

/** Finds a user's role and municipalities by id; undefined when there is no such user. */
export type UserLookup = (userId: string) => UserFacts | undefined;

/** What the rules need besides the case, the change and the actor. */
export interface RuleContext {
  /** The configured municipalities, with their line-2 groups. */
  municipalities: readonly MunicipalityConfig[];
  /**
   * The user directory, to check an assignee's role and municipalities. The server always
   * passes it. A client without one cannot check who an assignee is; the server's verdict on
   * push then decides.
   */
  users?: UserLookup;
  /**
   * The configured problem categories. When given, a case must name a known category (or
   * none), and a requester's portal form must pass its category's form check.
   */
  categories?: readonly ProblemCategory[];
}
