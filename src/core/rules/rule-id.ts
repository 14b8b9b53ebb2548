/**
 * Every rule that can refuse a change, by id. The id is what the server returns in a rejected
 * mutation (`MutationResult.rule`) and the key of its message in `ruleMessages`.
 */
export const ruleIds = [
  'case.notFound',
  'case.alreadyExists',
  'case.closed',
  'case.unknownMunicipality',
  'case.unknownCategory',
  'case.formInvalid',
  'access.notVisible',
  'status.transition',
  'status.unchanged',
  'status.mergedCase',
  'status.resolutionNoteRequired',
  'status.resolveOtherLine',
  'escalation.sameLine',
  'escalation.reasonRequired',
  'escalation.noLine2Group',
  'assignment.notOnLine',
  'assignment.unknownAssignee',
  'priority.aboveDefinition',
  'priority.overrideNeedsNote',
  'requester.portalOnly',
  'requester.notOwnCase',
  'requester.cannotAssign',
  'requester.cannotEscalate',
  'requester.internalComment',
  'requester.statusNotAllowed',
  'requester.notAllowed',
  'merge.self',
  'link.self',
  'merge.unknownCase',
  'link.unknownCase',
  'mutation.idReused',
] as const;
export type RuleId = (typeof ruleIds)[number];
