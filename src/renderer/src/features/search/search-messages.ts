/**
 * The texts of search, saved views and bulk actions in Nynorsk (default), Bokmål and English,
 * kept beside the feature like the SLA board's. Words follow the glossary (sak, saksnummer,
 * innmeldar, eining, i faresona / brote, eskalere). The Nynorsk object defines the keys; the
 * others must have the same keys and placeholders (search-messages.test.ts).
 */
import type { Locale } from '@core/config/localized-text';
import { fillTemplate } from '@core/i18n/message-template';
import { useMemo } from 'react';
import { useLanguageStore } from '../../i18n/language-store';

export const searchNn = {
  'nav.search': 'Søk',
  'nav.searchShortcut': 'Snarveg: {keys}',
  'search.title': 'Søk i saker',
  'search.query': 'Søkeord',
  'search.help':
    'Søkjer i saksnummer, tittel, skildring, kommentarar, skjemasvar, vedlegg, innmeldar og eining. Nynorsk og bokmål, med eller utan æøå.',
  'search.filters': 'Filter',
  'search.status': 'Status',
  'search.priority': 'Prioritet',
  'search.line': 'Linje',
  'search.municipality': 'Kommune',
  'search.assignee': 'Ansvarleg',
  'search.unassigned': 'Ingen ansvarleg',
  'search.sla': 'SLA',
  'search.all': 'Alle',
  'search.createdFrom': 'Oppretta frå',
  'search.createdTo': 'Oppretta til',
  'search.engine.postgresql': 'Søkt på tenaren (PostgreSQL)',
  'search.engine.sqlite': 'Søkt på tenaren (SQLite)',
  'search.engine.local': 'Søkt lokalt på denne maskina',
  'search.engine.localOffline': 'Fråkopla: søkt lokalt på denne maskina',
  'search.engine.localWaiting': 'Søkt lokalt — ventar på svar frå tenaren',
  'search.count': '{count} treff',
  'search.countOne': '1 treff',
  'search.countCapped': 'Meir enn {count} treff',
  'search.none': 'Ingen saker passar.',
  'search.results': 'Resultat',
  'search.more': 'Vis fleire',
  'search.field.number': 'Saksnummer',
  'search.field.title': 'Tittel',
  'search.field.description': 'Skildring',
  'search.field.form': 'Skjemasvar',
  'search.field.requester': 'Innmeldar',
  'search.field.unit': 'Eining',
  'search.field.attachment': 'Vedlegg',
  'search.field.comment': 'Kommentar',
  'search.field.internalComment': 'Intern kommentar',
  'sla.onTime': 'I rute',
  'sla.atRisk': 'I faresona',
  'sla.breached': 'Brote',
  'sla.stopped': 'Stoppa',
} as const;

export type SearchMessageKey = keyof typeof searchNn;
export type SearchMessages = Readonly<Record<SearchMessageKey, string>>;

export const searchNb: SearchMessages = {
  'nav.search': 'Søk',
  'nav.searchShortcut': 'Snarvei: {keys}',
  'search.title': 'Søk i saker',
  'search.query': 'Søkeord',
  'search.help':
    'Søker i saksnummer, tittel, beskrivelse, kommentarer, skjemasvar, vedlegg, innmelder og enhet. Nynorsk og bokmål, med eller uten æøå.',
  'search.filters': 'Filter',
  'search.status': 'Status',
  'search.priority': 'Prioritet',
  'search.line': 'Linje',
  'search.municipality': 'Kommune',
  'search.assignee': 'Ansvarlig',
  'search.unassigned': 'Ingen ansvarlig',
  'search.sla': 'SLA',
  'search.all': 'Alle',
  'search.createdFrom': 'Opprettet fra',
  'search.createdTo': 'Opprettet til',
  'search.engine.postgresql': 'Søkt på serveren (PostgreSQL)',
  'search.engine.sqlite': 'Søkt på serveren (SQLite)',
  'search.engine.local': 'Søkt lokalt på denne maskinen',
  'search.engine.localOffline': 'Frakoblet: søkt lokalt på denne maskinen',
  'search.engine.localWaiting': 'Søkt lokalt — venter på svar fra serveren',
  'search.count': '{count} treff',
  'search.countOne': '1 treff',
  'search.countCapped': 'Mer enn {count} treff',
  'search.none': 'Ingen saker passer.',
  'search.results': 'Resultater',
  'search.more': 'Vis flere',
  'search.field.number': 'Saksnummer',
  'search.field.title': 'Tittel',
  'search.field.description': 'Beskrivelse',
  'search.field.form': 'Skjemasvar',
  'search.field.requester': 'Innmelder',
  'search.field.unit': 'Enhet',
  'search.field.attachment': 'Vedlegg',
  'search.field.comment': 'Kommentar',
  'search.field.internalComment': 'Intern kommentar',
  'sla.onTime': 'I rute',
  'sla.atRisk': 'I faresonen',
  'sla.breached': 'Brutt',
  'sla.stopped': 'Stoppet',
};

export const searchEn: SearchMessages = {
  'nav.search': 'Search',
  'nav.searchShortcut': 'Shortcut: {keys}',
  'search.title': 'Search cases',
  'search.query': 'Search words',
  'search.help':
    'Searches case number, title, description, comments, form answers, attachments, requester and unit. Nynorsk and Bokmål, with or without æøå.',
  'search.filters': 'Filters',
  'search.status': 'Status',
  'search.priority': 'Priority',
  'search.line': 'Line',
  'search.municipality': 'Municipality',
  'search.assignee': 'Assignee',
  'search.unassigned': 'Unassigned',
  'search.sla': 'SLA',
  'search.all': 'All',
  'search.createdFrom': 'Created from',
  'search.createdTo': 'Created to',
  'search.engine.postgresql': 'Searched on the server (PostgreSQL)',
  'search.engine.sqlite': 'Searched on the server (SQLite)',
  'search.engine.local': 'Searched locally on this computer',
  'search.engine.localOffline': 'Offline: searched locally on this computer',
  'search.engine.localWaiting': 'Searched locally — waiting for the server',
  'search.count': '{count} matches',
  'search.countOne': '1 match',
  'search.countCapped': 'More than {count} matches',
  'search.none': 'No cases match.',
  'search.results': 'Results',
  'search.more': 'Show more',
  'search.field.number': 'Case number',
  'search.field.title': 'Title',
  'search.field.description': 'Description',
  'search.field.form': 'Form answer',
  'search.field.requester': 'Requester',
  'search.field.unit': 'Unit',
  'search.field.attachment': 'Attachment',
  'search.field.comment': 'Comment',
  'search.field.internalComment': 'Internal comment',
  'sla.onTime': 'On time',
  'sla.atRisk': 'At risk',
  'sla.breached': 'Breached',
  'sla.stopped': 'Stopped',
};

export const searchCatalogues: Readonly<Record<Locale, SearchMessages>> = {
  nn: searchNn,
  nb: searchNb,
  en: searchEn,
};

export type SearchTranslate = (
  key: SearchMessageKey,
  params?: Record<string, string | number>,
) => string;

export function searchTranslator(locale: Locale): SearchTranslate {
  const catalogue = searchCatalogues[locale];
  return (key, params) => fillTemplate(catalogue[key] ?? searchNn[key], params);
}

/** Search's translate function in the language chosen in the app's language store. */
export function useSearchT(): SearchTranslate {
  const locale = useLanguageStore((s) => s.locale);
  return useMemo(() => searchTranslator(locale), [locale]);
}
