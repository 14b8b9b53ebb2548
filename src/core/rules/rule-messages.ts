import type { CaseStatus, Priority } from '../case/case-vocabulary';
import type { Locale } from '../config/localized-text';
import { fillTemplate } from '../i18n/message-template';
import { statusInSentence } from '../i18n/status-in-sentence';
import { priorityLabels } from '../priority/priority-definition';
import { type RuleId, ruleIds } from './rule-id';

/**
 * Values a rule message interpolates as `{name}`. Codes are localised when formatted:
 * `from`/`to` are statuses, `priority`/`definitionPriority` priorities, `line` a line number;
 * anything else (a municipality's name) is shown as given.
 */
export type RuleParams = Readonly<Record<string, string | number>>;

/** Why a change was refused, per rule, in the words of the glossary. */
export const ruleMessages: Readonly<Record<Locale, Readonly<Record<RuleId, string>>>> = {
  nn: {
    'case.notFound': 'Saka finst ikkje. Ho må registrerast først.',
    'case.alreadyExists': 'Saka er alt registrert.',
    'case.closed': 'Saka er lukka. Ho må gjenopnast før ho kan endrast.',
    'case.unknownMunicipality':
      'Kommunen «{municipality}» er ikkje ein av kommunane vi yter brukarstøtte til.',
    'case.unknownCategory': 'Kategorien «{category}» finst ikkje.',
    'case.formInvalid': 'Skjemaet er ikkje fullstendig utfylt: sjå feltet «{field}».',
    'access.notVisible': 'Du har ikkje tilgang til denne saka.',
    'status.transition': 'Ei sak som er {from}, kan ikkje setjast til {to}.',
    'status.unchanged': 'Saka er alt {to}.',
    'status.mergedCase':
      'Saka er slått saman med ei anna sak og kan ikkje gjenopnast. Arbeid vidare i den andre saka.',
    'status.resolutionNoteRequired':
      'Skriv kva som vart gjort for å løyse saka. Innmeldaren får lese det.',
    'status.resolveOtherLine':
      'Saka ligg på {line}. linje. Berre {line}. linje eller teamleiaren kan setje ho til løyst.',
    'escalation.sameLine': 'Saka ligg alt på {line}. linje.',
    'escalation.reasonRequired': 'Skriv kvifor saka skal flyttast til ei anna linje.',
    'escalation.noLine2Group':
      '{municipality} har ingen 2. linje. Send saka til 3. linje i staden.',
    'assignment.notOnLine':
      'Saka ligg på {line}. linje, og kan berre tildelast nokon som arbeider på {line}. linje.',
    'assignment.unknownAssignee': 'Fann ikkje brukaren saka skal tildelast.',
    'priority.aboveDefinition':
      'Svara dine gjev prioritet {definitionPriority}, ikkje {priority}. Ring brukarstøtta om det hastar meir.',
    'priority.overrideNeedsNote':
      'Svara gjev prioritet {definitionPriority}. Skriv kvifor saka likevel skal ha prioritet {priority}.',
    'requester.portalOnly': 'Saker frå innmeldar kan berre registrerast i sjølvbeteningsportalen.',
    'requester.notOwnCase': 'Du kan berre melde saker i eige namn.',
    'requester.cannotAssign':
      'Ingen saker skal meldast direkte til ein IKT-konsulent. Brukarstøtta fordeler saka.',
    'requester.cannotEscalate': 'Berre brukarstøtta kan sende saka vidare til 2. eller 3. linje.',
    'requester.internalComment': 'Interne kommentarar er berre for brukarstøtta.',
    'requester.statusNotAllowed': 'Du kan stadfeste at ei løyst sak er lukka, eller gjenopne ho.',
    'requester.notAllowed': 'Berre brukarstøtta kan gjere denne endringa.',
    'merge.self': 'Ei sak kan ikkje slåast saman med seg sjølv.',
    'link.self': 'Ei sak kan ikkje koplast til seg sjølv.',
    'merge.unknownCase': 'Saka du vil slå saman med, finst ikkje.',
    'link.unknownCase': 'Saka du vil kople til, finst ikkje.',
    'majorIncident.notAllowed':
      'Berre brukarstøtta, seniorkonsulentar og teamleiarar kan merkje ei sak som storhending.',
    'affected.self': 'Ei storhending kan ikkje vere ramma av seg sjølv.',
    'follow.onlySelf': 'Du kan berre følgje ei sak sjølv, ikkje på vegner av andre.',
    'mutation.idReused':
      'Endringa kom to gonger med ulikt innhald. Den andre vart ikkje lagra; gjer ho på nytt.',
    'case.tooManyComments': 'Saka har nådd grensa på {max} kommentarar. Opprett ei ny sak.',
  },
  nb: {
    'case.notFound': 'Saken finnes ikke. Den må registreres først.',
    'case.alreadyExists': 'Saken er allerede registrert.',
    'case.closed': 'Saken er lukket. Gjenåpne den for å endre den.',
    'case.unknownMunicipality':
      'Kommunen «{municipality}» er ikke en av kommunene vi yter brukerstøtte til.',
    'case.unknownCategory': 'Kategorien «{category}» finnes ikke.',
    'case.formInvalid': 'Skjemaet er ikke fullstendig utfylt: se feltet «{field}».',
    'access.notVisible': 'Du har ikke tilgang til denne saken.',
    'status.transition': 'En sak som er {from}, kan ikke settes til {to}.',
    'status.unchanged': 'Saken er allerede {to}.',
    'status.mergedCase':
      'Saken er slått sammen med en annen sak og kan ikke gjenåpnes. Arbeid videre i den andre saken.',
    'status.resolutionNoteRequired':
      'Skriv hva som ble gjort for å løse saken. Innmelderen får lese det.',
    'status.resolveOtherLine':
      'Saken ligger på {line}. linje. Bare {line}. linje eller teamlederen kan sette den til løst.',
    'escalation.sameLine': 'Saken ligger allerede på {line}. linje.',
    'escalation.reasonRequired': 'Skriv hvorfor saken skal flyttes til en annen linje.',
    'escalation.noLine2Group':
      '{municipality} har ingen 2. linje. Send saken til 3. linje i stedet.',
    'assignment.notOnLine':
      'Saken ligger på {line}. linje, og kan bare tildeles noen som arbeider på {line}. linje.',
    'assignment.unknownAssignee': 'Fant ikke brukeren saken skal tildeles.',
    'priority.aboveDefinition':
      'Svarene dine gir prioritet {definitionPriority}, ikke {priority}. Ring brukerstøtten om det haster mer.',
    'priority.overrideNeedsNote':
      'Svarene gir prioritet {definitionPriority}. Skriv hvorfor saken likevel skal ha prioritet {priority}.',
    'requester.portalOnly': 'Saker fra innmelder kan bare registreres i selvbetjeningsportalen.',
    'requester.notOwnCase': 'Du kan bare melde saker i eget navn.',
    'requester.cannotAssign':
      'Ingen saker skal meldes direkte til en IKT-konsulent. Brukerstøtten fordeler saken.',
    'requester.cannotEscalate': 'Bare brukerstøtten kan sende saken videre til 2. eller 3. linje.',
    'requester.internalComment': 'Interne kommentarer er bare for brukerstøtten.',
    'requester.statusNotAllowed': 'Du kan bekrefte at en løst sak er lukket, eller gjenåpne den.',
    'requester.notAllowed': 'Bare brukerstøtten kan gjøre denne endringen.',
    'merge.self': 'En sak kan ikke slås sammen med seg selv.',
    'link.self': 'En sak kan ikke kobles til seg selv.',
    'merge.unknownCase': 'Saken du vil slå sammen med, finnes ikke.',
    'link.unknownCase': 'Saken du vil koble til, finnes ikke.',
    'majorIncident.notAllowed':
      'Bare brukerstøtten, seniorkonsulenter og teamledere kan merke en sak som storhendelse.',
    'affected.self': 'En storhendelse kan ikke være rammet av seg selv.',
    'follow.onlySelf': 'Du kan bare følge en sak selv, ikke på vegne av andre.',
    'mutation.idReused':
      'Endringen kom to ganger med ulikt innhold. Den andre ble ikke lagret; gjør den på nytt.',
    'case.tooManyComments': 'Saken har nådd grensen på {max} kommentarer. Opprett en ny sak.',
  },
  en: {
    'case.notFound': 'The case does not exist; it must be registered first.',
    'case.alreadyExists': 'The case is already registered.',
    'case.closed': 'The case is closed; reopen it to change it.',
    'case.unknownMunicipality':
      'The municipality "{municipality}" is not one the service supports.',
    'case.unknownCategory': 'The category "{category}" does not exist.',
    'case.formInvalid': 'The form is not filled in correctly: see the field "{field}".',
    'access.notVisible': 'You do not have access to this case.',
    'status.transition': 'A case that is {from} cannot be set to {to}.',
    'status.unchanged': 'The case is already {to}.',
    'status.mergedCase':
      'The case was merged into another case and cannot be reopened; continue in the other case.',
    'status.resolutionNoteRequired':
      'Write what was done to resolve the case; the requester will read it.',
    'status.resolveOtherLine':
      'The case is on line {line}; only line {line} or the team leader can resolve it.',
    'escalation.sameLine': 'The case is already on line {line}.',
    'escalation.reasonRequired': 'Give a reason for moving the case to another line.',
    'escalation.noLine2Group': '{municipality} has no line 2; send the case to line 3 instead.',
    'assignment.notOnLine':
      'The case is on line {line} and can only be assigned to someone who works on line {line}.',
    'assignment.unknownAssignee': 'The user to assign the case to was not found.',
    'priority.aboveDefinition':
      'Your answers give priority {definitionPriority}, not {priority}. Call user support if it is more urgent.',
    'priority.overrideNeedsNote':
      'The answers give priority {definitionPriority}; write why the case should have priority {priority} anyway.',
    'requester.portalOnly': 'Requesters can register cases only in the service portal.',
    'requester.notOwnCase': 'You can only report cases in your own name.',
    'requester.cannotAssign':
      'No case is to be reported directly to an ICT consultant; user support assigns cases.',
    'requester.cannotEscalate': 'Only user support can send a case on to line 2 or 3.',
    'requester.internalComment': 'Internal comments are for user support only.',
    'requester.statusNotAllowed': 'You can confirm that a resolved case is closed, or reopen it.',
    'requester.notAllowed': 'Only user support can make this change.',
    'merge.self': 'A case cannot be merged into itself.',
    'link.self': 'A case cannot be linked to itself.',
    'merge.unknownCase': 'The case to merge into does not exist.',
    'link.unknownCase': 'The case to link to does not exist.',
    'majorIncident.notAllowed':
      'Only user support, senior consultants and team leaders may mark a case as a major incident.',
    'affected.self': 'A major incident cannot be affected by itself.',
    'follow.onlySelf': 'You can only follow a case yourself, not on behalf of others.',
    'mutation.idReused':
      'The change arrived twice with different content. The second was not saved; make it again.',
    'case.tooManyComments': 'The case has reached its limit of {max} comments. Open a new case.',
  },
};

function localise(name: string, value: string | number, locale: Locale): string {
  const text = String(value);
  if ((name === 'from' || name === 'to') && text in statusInSentence[locale]) {
    return statusInSentence[locale][text as CaseStatus];
  }
  if ((name === 'priority' || name === 'definitionPriority') && text in priorityLabels[locale]) {
    return priorityLabels[locale][text as Priority];
  }
  return text;
}

/** The message of `rule` in `locale` with its `{placeholders}` filled and codes localised. */
export function formatRuleMessage(rule: RuleId, locale: Locale, params: RuleParams = {}): string {
  return fillTemplate(ruleMessages[locale][rule], params, (name, value) =>
    localise(name, value, locale),
  );
}

/**
 * A refusal in the user's language: the rule's message when the rule is one of core's (the
 * server sends its id and parameters), else the reason as it came (an older server, a rule
 * this client does not know).
 */
export function refusalText(
  rule: string | null | undefined,
  params: RuleParams | undefined,
  reason: string,
  locale: Locale,
): string {
  if (!rule || !(ruleIds as readonly string[]).includes(rule)) return reason;
  return formatRuleMessage(rule as RuleId, locale, params ?? {});
}
