import { z } from 'zod';

/**
 * RFC 9457 problem documents: every error the API answers is one. A refusal by a rule carries
 * the rule's id and its parameters, so every client words it in its user's language (core's
 * `formatRuleMessage`) instead of showing the server's English `detail`.
 */

/** One bad value: where (`body.title`, `query.limit`, `header.authorization`) and what. */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** Values a rule message is filled in with (see core/rules' `RuleParams`). */
export const ruleParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const problemDocumentSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  /** For people reading logs; clients show their own words for `rule` or `errors`. */
  detail: z.string(),
  errors: z.array(fieldErrorSchema).optional(),
  /** Machine-readable rule that refused the request, e.g. `escalation.reasonRequired`. */
  rule: z.string().optional(),
  /** The rule's parameters, for wording it. */
  params: ruleParamsSchema.optional(),
});
export type ProblemDocument = z.infer<typeof problemDocumentSchema>;
