import type { LocalizedText } from './localized-text';
import type { FormFieldOption, ProblemCategory } from './problem-category';

/** A text in Nynorsk, Bokmål and English, in that order (keeps the tables below readable). */
const t = (nn: string, nb: string, en: string): LocalizedText => ({ nn, nb, en });
const option = (id: string, label: LocalizedText): FormFieldOption => ({ id, label });

const otherOption = option('other', t('Anna', 'Annet', 'Other'));

/**
 * Problem categories typical of municipal IT, with short forms. Health systems preset the
 * life-and-health answer and citizen services the citizen-service answer, so the priority
 * wizard asks only what the category does not already say.
 *
 * Every case already has its description ("Kva skjedde?") and the requester's unit (eining),
 * asked by the portal and the phone intake for every category; a form asks only what its
 * category adds, never those again.
 */
export const defaultProblemCategories: ProblemCategory[] = [
  {
    id: 'login-password',
    name: t('Pålogging og passord', 'Pålogging og passord', 'Sign-in and password'),
    description: t(
      'Du kjem ikkje inn, passordet er gløymt eller kontoen er låst.',
      'Du kommer ikke inn, passordet er glemt eller kontoen er låst.',
      'You cannot sign in, forgot your password or your account is locked.',
    ),
    priorityHint: 'medium',
    presetAnswers: {},
    fields: [
      {
        id: 'system',
        label: t('Kva skal du logge på?', 'Hva skal du logge på?', 'What are you signing in to?'),
        type: 'select',
        required: true,
        options: [
          option('pc', t('PC-en (Windows)', 'PC-en (Windows)', 'The PC (Windows)')),
          option(
            'microsoft-365',
            t('E-post / Microsoft 365', 'E-post / Microsoft 365', 'E-mail / Microsoft 365'),
          ),
          option('professional-system', t('Fagsystem', 'Fagsystem', 'A professional system')),
          otherOption,
        ],
      },
      {
        id: 'username',
        label: t('Brukarnamn', 'Brukernavn', 'User name'),
        type: 'text',
        required: false,
        maxLength: 100,
      },
      {
        id: 'accountLocked',
        label: t(
          'Står det at kontoen er låst?',
          'Står det at kontoen er låst?',
          'Does it say the account is locked?',
        ),
        type: 'checkbox',
        required: false,
      },
    ],
  },
  {
    id: 'printer',
    name: t('Skrivar', 'Skriver', 'Printer'),
    description: t(
      'Utskrift, kopiering og skanning.',
      'Utskrift, kopiering og skanning.',
      'Printing, copying and scanning.',
    ),
    priorityHint: 'low',
    presetAnswers: {},
    fields: [
      {
        id: 'printerName',
        label: t(
          'Namn eller plassering på skrivaren',
          'Navn eller plassering på skriveren',
          'Printer name or location',
        ),
        help: t(
          'Står ofte på ein lapp på skrivaren.',
          'Står ofte på en lapp på skriveren.',
          'Often on a label on the printer.',
        ),
        type: 'text',
        required: true,
        maxLength: 200,
      },
      {
        id: 'problem',
        label: t('Kva er problemet?', 'Hva er problemet?', 'What is the problem?'),
        type: 'select',
        required: true,
        options: [
          option('no-print', t('Skriv ikkje ut', 'Skriver ikke ut', 'Does not print')),
          option('paper-jam', t('Papirstopp', 'Papirstopp', 'Paper jam')),
          option('toner', t('Toner eller blekk', 'Toner eller blekk', 'Toner or ink')),
          option('scan', t('Skanning', 'Skanning', 'Scanning')),
          otherOption,
        ],
      },
    ],
  },
  {
    id: 'health-systems',
    name: t('EPJ / fagsystem helse', 'EPJ / fagsystem helse', 'Patient records / health systems'),
    description: t(
      'Pasientjournal, medisinering, tryggleiksalarmar og andre system for liv og helse.',
      'Pasientjournal, medisinering, trygghetsalarmer og andre systemer for liv og helse.',
      'Patient records, medication, safety alarms and other life-and-health systems.',
    ),
    priorityHint: 'critical',
    presetAnswers: { lifeAndHealth: true },
    fields: [
      {
        id: 'system',
        label: t('Kva system gjeld det?', 'Hvilket system gjelder det?', 'Which system is it?'),
        type: 'select',
        required: true,
        options: [
          option('ehr', t('Pasientjournal (EPJ)', 'Pasientjournal (EPJ)', 'Patient records (EHR)')),
          option(
            'medication',
            t('Medisinering / kurve', 'Medisinering / kurve', 'Medication chart'),
          ),
          option(
            'safety-alarm',
            t(
              'Tryggleiksalarm / velferdsteknologi',
              'Trygghetsalarm / velferdsteknologi',
              'Safety alarm / welfare technology',
            ),
          ),
          option(
            'health-network',
            t('Meldingar i helsenettet', 'Meldinger i helsenettet', 'Health network messages'),
          ),
          otherOption,
        ],
      },
      {
        id: 'patientSafety',
        label: t(
          'Kan feilen gå ut over pasientar eller brukarar no?',
          'Kan feilen gå ut over pasienter eller brukere nå?',
          'Can the fault affect patients or clients right now?',
        ),
        type: 'checkbox',
        required: false,
      },
    ],
  },
  {
    id: 'email-teams',
    name: t('E-post og Teams', 'E-post og Teams', 'E-mail and Teams'),
    description: t(
      'E-post, kalender, Teams-møte og chat.',
      'E-post, kalender, Teams-møter og chat.',
      'E-mail, calendar, Teams meetings and chat.',
    ),
    priorityHint: 'medium',
    presetAnswers: {},
    fields: [
      {
        id: 'application',
        label: t('Kva gjeld det?', 'Hva gjelder det?', 'What is it about?'),
        type: 'select',
        required: true,
        options: [
          option('email', t('E-post', 'E-post', 'E-mail')),
          option('calendar', t('Kalender', 'Kalender', 'Calendar')),
          option('teams', t('Teams', 'Teams', 'Teams')),
          option('shared-mailbox', t('Felles postkasse', 'Felles postkasse', 'Shared mailbox')),
        ],
      },
    ],
  },
  {
    id: 'network-vpn',
    name: t(
      'Nettverk og VPN / heimekontor',
      'Nettverk og VPN / hjemmekontor',
      'Network and VPN / home office',
    ),
    description: t(
      'Trådlaust nett, kabel, VPN og oppsett på heimekontoret.',
      'Trådløst nett, kabel, VPN og oppsett på hjemmekontoret.',
      'Wi-Fi, cable, VPN and home-office set-up.',
    ),
    priorityHint: 'low',
    presetAnswers: {},
    fields: [
      {
        id: 'where',
        label: t('Kvar er du?', 'Hvor er du?', 'Where are you?'),
        type: 'select',
        required: true,
        options: [
          option('office', t('På kontoret', 'På kontoret', 'At the office')),
          option('home-office', t('På heimekontor', 'På hjemmekontor', 'Working from home')),
          otherOption,
        ],
      },
      {
        id: 'connection',
        label: t('Korleis koplar du til?', 'Hvordan kobler du til?', 'How do you connect?'),
        type: 'select',
        required: false,
        options: [
          option('wifi', t('Trådlaust', 'Trådløst', 'Wi-Fi')),
          option('cable', t('Kabel', 'Kabel', 'Cable')),
          option('vpn', t('VPN', 'VPN', 'VPN')),
        ],
      },
    ],
  },
  {
    id: 'new-user-access',
    name: t('Ny brukar / tilgang', 'Ny bruker / tilgang', 'New user / access'),
    description: t(
      'Ny tilsett, endra tilgang til system eller mapper, eller ein som sluttar.',
      'Ny ansatt, endret tilgang til systemer eller mapper, eller en som slutter.',
      'A new employee, changed access to systems or folders, or someone leaving.',
    ),
    priorityHint: 'low',
    presetAnswers: {},
    fields: [
      {
        id: 'personName',
        label: t('Namn på personen', 'Navn på personen', 'Name of the person'),
        type: 'text',
        required: true,
        maxLength: 200,
      },
      {
        id: 'startDate',
        label: t('Frå dato', 'Fra dato', 'From date'),
        type: 'date',
        required: true,
      },
      {
        id: 'access',
        label: t('Kva tilgangar trengst?', 'Hvilke tilganger trengs?', 'Which access is needed?'),
        help: t(
          'System, mapper, postkassar. Leiar må godkjenne.',
          'Systemer, mapper, postkasser. Leder må godkjenne.',
          'Systems, folders, mailboxes. A manager must approve.',
        ),
        type: 'textarea',
        required: true,
        maxLength: 4000,
      },
    ],
  },
  {
    id: 'citizen-services',
    name: t(
      'Innbyggartenester / nettsider',
      'Innbyggertjenester / nettsider',
      'Citizen services / websites',
    ),
    description: t(
      'Kommunen sine nettsider, søknadsskjema, timebestilling og andre tenester for innbyggarane.',
      'Kommunens nettsider, søknadsskjema, timebestilling og andre tjenester for innbyggerne.',
      "The municipality's web pages, application forms, booking and other services for citizens.",
    ),
    priorityHint: 'high',
    presetAnswers: { citizenService: true },
    fields: [
      {
        id: 'address',
        label: t(
          'Nettadresse eller namn på tenesta',
          'Nettadresse eller navn på tjenesten',
          'Web address or name of the service',
        ),
        type: 'text',
        required: true,
        maxLength: 500,
      },
      {
        id: 'affectedCitizens',
        label: t(
          'Melder innbyggarar frå om feilen?',
          'Melder innbyggere fra om feilen?',
          'Are citizens reporting the fault?',
        ),
        type: 'checkbox',
        required: false,
      },
    ],
  },
  {
    id: 'pc-equipment',
    name: t('PC og utstyr', 'PC og utstyr', 'PC and equipment'),
    description: t(
      'PC, skjerm, tastatur, mobil og anna utstyr.',
      'PC, skjerm, tastatur, mobil og annet utstyr.',
      'PC, screen, keyboard, mobile phone and other equipment.',
    ),
    priorityHint: 'low',
    presetAnswers: {},
    fields: [
      {
        id: 'equipment',
        label: t('Kva utstyr?', 'Hvilket utstyr?', 'Which equipment?'),
        type: 'select',
        required: true,
        options: [
          option('pc', t('PC', 'PC', 'PC')),
          option('screen', t('Skjerm', 'Skjerm', 'Screen')),
          option('mobile', t('Mobiltelefon', 'Mobiltelefon', 'Mobile phone')),
          option(
            'accessories',
            t('Tastatur, mus eller dokk', 'Tastatur, mus eller dokk', 'Keyboard, mouse or dock'),
          ),
          otherOption,
        ],
      },
      {
        id: 'assetTag',
        label: t(
          'Utstyrsnummer (på klistremerket)',
          'Utstyrsnummer (på klistremerket)',
          'Asset tag (on the sticker)',
        ),
        type: 'text',
        required: false,
        maxLength: 50,
      },
    ],
  },
];
