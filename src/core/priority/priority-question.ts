import type { PriorityAnswers } from '../case/case-record';
import type { LocalizedText } from '../config/localized-text';

/** The key of one priority question; the same keys as the stored `priorityAnswersSchema`. */
export type PriorityQuestionKey = keyof PriorityAnswers;

/** A choice in a question that is not yes/no (only `scope` today). */
export interface PriorityQuestionOption {
  value: string;
  label: LocalizedText;
}

/**
 * One question of the guided priority classifier. The wording is for end users as much as for
 * agents: the portal shows it as is, and an agent reads it aloud on the phone.
 */
export interface PriorityQuestion {
  key: PriorityQuestionKey;
  /** `yesNo` answers are booleans; `choice` answers are one of `options`' values. */
  kind: 'yesNo' | 'choice';
  text: LocalizedText;
  /** Why we ask, with examples, for the user who is unsure. */
  help: LocalizedText;
  options?: readonly PriorityQuestionOption[];
}

/**
 * The questions in the order the classifier asks them. Whether the fault blocks work comes
 * first because a "no" settles the case as low at once (every higher definition is about a
 * loss); life and health comes next because it outranks everything else.
 */
export const priorityQuestions: readonly PriorityQuestion[] = [
  {
    key: 'completeLoss',
    kind: 'yesNo',
    text: {
      nn: 'Hindrar feilen deg i å gjere arbeidet ditt, fordi systemet eller utstyret ikkje verkar i det heile?',
      nb: 'Hindrer feilen deg i å gjøre arbeidet ditt, fordi systemet eller utstyret ikke virker i det hele tatt?',
      en: 'Does the fault stop you from doing your work, because the system or equipment does not work at all?',
    },
    help: {
      nn: 'Svar ja om du ikkje kjem vidare i det heile. Svar nei om det er tregt, irriterande eller berre ein liten del som ikkje verkar, og du likevel får gjort jobben.',
      nb: 'Svar ja om du ikke kommer videre i det hele tatt. Svar nei om det er tregt, irriterende eller bare en liten del som ikke virker, og du likevel får gjort jobben.',
      en: 'Answer yes if you cannot get on at all. Answer no if it is slow, annoying or only a small part does not work, and you can still do the job.',
    },
  },
  {
    key: 'lifeAndHealth',
    kind: 'yesNo',
    text: {
      nn: 'Gjeld det eit system som trengst for tenester innan liv og helse, til dømes pasientjournal, medisinering eller tryggleiksalarm?',
      nb: 'Gjelder det et system som trengs for tjenester innen liv og helse, for eksempel pasientjournal, medisinering eller trygghetsalarm?',
      en: 'Does it concern a system needed for life-and-health services, such as patient records, medication or safety alarms?',
    },
    help: {
      nn: 'Liv og helse er tenester der ein feil kan skade nokon: helse og omsorg, legevakt, heimetenester, barnevern og liknande.',
      nb: 'Liv og helse er tjenester der en feil kan skade noen: helse og omsorg, legevakt, hjemmetjenester, barnevern og lignende.',
      en: 'Life and health means services where a fault can harm someone: health and care, emergency clinics, home care, child welfare and the like.',
    },
  },
  {
    key: 'homeOffice',
    kind: 'yesNo',
    text: {
      nn: 'Gjeld feilen oppsettet ditt på heimekontoret?',
      nb: 'Gjelder feilen oppsettet ditt på hjemmekontoret?',
      en: 'Is the fault with your home-office set-up?',
    },
    help: {
      nn: 'Til dømes nettverk, VPN, skjerm eller dokkingstasjon heime. Svar nei om systemet ikkje verkar på kontoret heller.',
      nb: 'For eksempel nettverk, VPN, skjerm eller dokkingstasjon hjemme. Svar nei om systemet ikke virker på kontoret heller.',
      en: 'For example the network, VPN, screen or docking station at home. Answer no if the system does not work at the office either.',
    },
  },
  {
    key: 'highUptimeSystem',
    kind: 'yesNo',
    text: {
      nn: 'Er det eit system som mange er avhengige av heile tida, der det er venta høg oppetid?',
      nb: 'Er det et system som mange er avhengige av hele tiden, der det er ventet høy oppetid?',
      en: 'Is it a system many people depend on all the time, where high uptime is expected?',
    },
    help: {
      nn: 'Til dømes e-post eller telefoni for heile kommunen, sentral lagring eller nettverket i rådhuset. Er du usikker, svar nei: brukarstøtta kan endre det.',
      nb: 'For eksempel e-post eller telefoni for hele kommunen, sentral lagring eller nettverket i rådhuset. Er du usikker, svar nei: brukerstøtten kan endre det.',
      en: 'For example e-mail or telephony for the whole municipality, central storage or the town hall network. If unsure, answer no: user support can change it.',
    },
  },
  {
    key: 'scope',
    kind: 'choice',
    text: {
      nn: 'Gjeld feilen berre deg, eller ei heil eining eller faggruppe?',
      nb: 'Gjelder feilen bare deg, eller en hel enhet eller faggruppe?',
      en: 'Does the fault affect only you, or a whole unit or professional group?',
    },
    help: {
      nn: 'Ei eining er til dømes ein skule, ei avdeling på sjukeheimen eller eit kontor. Vel heile eininga om fleire kollegaer har same feil.',
      nb: 'En enhet er for eksempel en skole, en avdeling på sykehjemmet eller et kontor. Velg hele enheten om flere kolleger har samme feil.',
      en: 'A unit is for example a school, a nursing-home ward or an office. Choose the whole unit if several colleagues have the same fault.',
    },
    options: [
      { value: 'oneUser', label: { nn: 'Berre meg', nb: 'Bare meg', en: 'Only me' } },
      {
        value: 'unit',
        label: {
          nn: 'Heile eininga eller faggruppa',
          nb: 'Hele enheten eller faggruppen',
          en: 'The whole unit or professional group',
        },
      },
    ],
  },
  {
    key: 'citizenService',
    kind: 'yesNo',
    text: {
      nn: 'Gjeld det ei elektronisk teneste som innbyggarar brukar i kontakt med kommunen, til dømes nettsider, søknadsskjema eller digital timebestilling?',
      nb: 'Gjelder det en elektronisk tjeneste som innbyggere bruker i kontakt med kommunen, for eksempel nettsider, søknadsskjema eller digital timebestilling?',
      en: 'Does it concern an electronic service citizens use in contact with the municipality, such as web pages, application forms or online booking?',
    },
    help: {
      nn: 'Innbyggartenester er det publikum brukar sjølv, ikkje dei interne fagsystema.',
      nb: 'Innbyggertjenester er det publikum bruker selv, ikke de interne fagsystemene.',
      en: 'Citizen services are what the public uses themselves, not the internal professional systems.',
    },
  },
];
