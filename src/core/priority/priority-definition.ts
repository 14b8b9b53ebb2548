import type { Priority } from '../case/case-vocabulary';
import type { Locale, LocalizedText } from '../config/localized-text';

/**
 * Which part of the seed's priority table decided a priority. Each member is one sentence of
 * the table, so the audit trail can quote the exact definition that applied.
 * - `lifeAndHealth`: critical; an application needed for life-and-health services is lost.
 * - `highUptime`: critical; another system where high uptime is expected is lost
 *   (the seed says it "may also be placed here").
 * - `unitLoss`: high; complete loss affecting at least one unit or professional group.
 * - `citizenService`: high; an electronic service citizens use in dialogue with the service.
 * - `userLoss`: medium; complete loss affecting at least one user.
 * - `homeOffice`: low; fixing a home-office set-up.
 * - `notBlocking`: low; the fault does not directly prevent ordinary work.
 */
export type DefinitionKey =
  | 'lifeAndHealth'
  | 'highUptime'
  | 'unitLoss'
  | 'citizenService'
  | 'userLoss'
  | 'homeOffice'
  | 'notBlocking';

/** The priority each definition gives. */
export const definitionPriority: Readonly<Record<DefinitionKey, Priority>> = {
  lifeAndHealth: 'critical',
  highUptime: 'critical',
  unitLoss: 'high',
  citizenService: 'high',
  userLoss: 'medium',
  homeOffice: 'low',
  notBlocking: 'low',
};

/** Each definition worded as on the seed's page (nn is the original; nb and en translate it). */
export const priorityDefinitions: Readonly<Record<DefinitionKey, LocalizedText>> = {
  lifeAndHealth: {
    nn: 'Bortfall av applikasjonar definert som nødvendige for tenester som omhandlar liv og helse.',
    nb: 'Bortfall av applikasjoner definert som nødvendige for tjenester som omhandler liv og helse.',
    en: 'Loss of applications defined as necessary for services concerning life and health.',
  },
  highUptime: {
    nn: 'Bortfall av andre system der det vert forventa høg oppetid.',
    nb: 'Bortfall av andre systemer der det forventes høy oppetid.',
    en: 'Loss of other systems where high uptime is expected.',
  },
  unitLoss: {
    nn: 'Fullstendig bortfall av system som gjeld minst ei (1) eining / faggruppe.',
    nb: 'Fullstendig bortfall av system som berører minst én (1) enhet / faggruppe.',
    en: 'Complete loss of a system affecting at least one (1) unit / professional group.',
  },
  citizenService: {
    nn: 'Elektroniske tenester som blir nytta av innbyggarar i dialog med tenestemottakar.',
    nb: 'Elektroniske tjenester som brukes av innbyggere i dialog med tjenestemottaker.',
    en: 'Electronic services used by citizens in dialogue with the service.',
  },
  userLoss: {
    nn: 'Fullstendig bortfall av system som gjeld minimum 1 brukar.',
    nb: 'Fullstendig bortfall av system som berører minimum 1 bruker.',
    en: 'Complete loss of a system affecting at least 1 user.',
  },
  homeOffice: {
    nn: 'Feilretting av heimekontorløysing.',
    nb: 'Feilretting av hjemmekontorløsning.',
    en: 'Fixing a home-office set-up.',
  },
  notBlocking: {
    nn: 'Feil i utstyr og/eller system som ikkje er direkte til hinder for at tenestemottakaren kan utføre den ordinære funksjonen utstyret eller systemet har i dagleg bruk.',
    nb: 'Feil i utstyr og/eller system som ikke er direkte til hinder for at tjenestemottakeren kan utføre den ordinære funksjonen utstyret eller systemet har i sin daglige bruk.',
    en: 'Faults in equipment and/or systems that do not directly prevent the user from doing the ordinary work the equipment or system serves in daily use.',
  },
};

/** The whole row of the seed's table per priority, for help texts beside a priority picker. */
export const priorityLevelDefinitions: Readonly<Record<Priority, LocalizedText>> = {
  critical: {
    nn: 'Bortfall av applikasjonar definert som nødvendige for tenester som omhandlar liv og helse. Bortfall av andre system der det vert forventa høg oppetid kan også inngå her. Kritiske hendingar utløyser bruk av vaktordning utanfor opningstida.',
    nb: 'Bortfall av applikasjoner definert som nødvendige for tjenester som omhandler liv og helse. Bortfall av andre systemer der det forventes høy oppetid kan også inngå her. Kritiske hendelser utløser bruk av vaktordning utenfor åpningstiden.',
    en: 'Loss of applications defined as necessary for services concerning life and health. Loss of other systems where high uptime is expected may also be placed here. Critical incidents trigger the on-call arrangement outside opening hours.',
  },
  high: {
    nn: 'Fullstendig bortfall av system som gjeld minst ei (1) eining / faggruppe. Elektroniske tenester som blir nytta av innbyggarar i dialog med tenestemottakar.',
    nb: 'Fullstendig bortfall av system som berører minst én (1) enhet / faggruppe. Elektroniske tjenester som brukes av innbyggere i dialog med tjenestemottaker.',
    en: 'Complete loss of a system affecting at least one (1) unit / professional group. Electronic services used by citizens in dialogue with the service.',
  },
  medium: priorityDefinitions.userLoss,
  low: {
    nn: `${priorityDefinitions.notBlocking.nn} ${priorityDefinitions.homeOffice.nn}`,
    nb: `${priorityDefinitions.notBlocking.nb} ${priorityDefinitions.homeOffice.nb}`,
    en: `${priorityDefinitions.notBlocking.en} ${priorityDefinitions.homeOffice.en}`,
  },
};

/** The seed's level names, lower case as in running text (glossary). */
export const priorityLabels: Readonly<Record<Locale, Readonly<Record<Priority, string>>>> = {
  nn: { critical: 'kritisk', high: 'høg', medium: 'medium', low: 'lav' },
  nb: { critical: 'kritisk', high: 'høy', medium: 'middels', low: 'lav' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
};

/** The label of `priority` in `locale`, lower case for running text: "Prioritet sett til høg". */
export function priorityLabel(priority: Priority, locale: Locale): string {
  return priorityLabels[locale][priority];
}

/**
 * The name of `priority` standing alone (a badge, an option, a table cell, a column
 * heading): capitalised, "Høg". One rule everywhere, so the same level never shows as
 * "Høg" in one place and "høg" in the next; in a sentence use {@link priorityLabel}.
 */
export function priorityName(priority: Priority, locale: Locale): string {
  const label = priorityLabels[locale][priority];
  return label.charAt(0).toLocaleUpperCase(locale === 'en' ? 'en' : 'nb') + label.slice(1);
}
