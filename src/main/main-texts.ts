/**
 * The few texts main shows itself (app menu, tray), in the app's three languages. Words
 * follow docs/glossary (sak, kritisk, brukarstøtte). Notification texts come localised
 * from the renderer instead.
 */
import type { Locale } from '@core/config/localized-text';

export interface MainTexts {
  menu: {
    file: string;
    newCase: string;
    quit: string;
    edit: string;
    view: string;
    board: string;
    search: string;
    settings: string;
    reload: string;
    devTools: string;
    actualSize: string;
    zoomIn: string;
    zoomOut: string;
    fullScreen: string;
    window: string;
    minimize: string;
    close: string;
    help: string;
    about: string;
  };
  tray: {
    show: string;
    quit: string;
    /** Tooltip when no critical case is open. */
    noCritical: string;
    /** Tooltip for `count` open critical cases (count > 0). */
    critical: (count: number) => string;
  };
}

const nn: MainTexts = {
  menu: {
    file: 'Fil',
    newCase: 'Ny sak',
    quit: 'Avslutt Saksbord',
    edit: 'Rediger',
    view: 'Vis',
    board: 'Tavla',
    search: 'Søk',
    settings: 'Innstillingar …',
    reload: 'Last inn på nytt',
    devTools: 'Utviklarverktøy',
    actualSize: 'Vanleg storleik',
    zoomIn: 'Større tekst',
    zoomOut: 'Mindre tekst',
    fullScreen: 'Fullskjerm',
    window: 'Vindauge',
    minimize: 'Minimer',
    close: 'Lukk vindauget',
    help: 'Hjelp',
    about: 'Om Saksbord',
  },
  tray: {
    show: 'Vis Saksbord',
    quit: 'Avslutt',
    noCritical: 'Saksbord – ingen kritiske saker opne',
    critical: (count) =>
      count === 1 ? 'Saksbord – 1 kritisk sak open' : `Saksbord – ${count} kritiske saker opne`,
  },
};

const nb: MainTexts = {
  menu: {
    file: 'Fil',
    newCase: 'Ny sak',
    quit: 'Avslutt Saksbord',
    edit: 'Rediger',
    view: 'Vis',
    board: 'Tavlen',
    search: 'Søk',
    settings: 'Innstillinger …',
    reload: 'Last inn på nytt',
    devTools: 'Utviklerverktøy',
    actualSize: 'Vanlig størrelse',
    zoomIn: 'Større tekst',
    zoomOut: 'Mindre tekst',
    fullScreen: 'Fullskjerm',
    window: 'Vindu',
    minimize: 'Minimer',
    close: 'Lukk vinduet',
    help: 'Hjelp',
    about: 'Om Saksbord',
  },
  tray: {
    show: 'Vis Saksbord',
    quit: 'Avslutt',
    noCritical: 'Saksbord – ingen kritiske saker åpne',
    critical: (count) =>
      count === 1 ? 'Saksbord – 1 kritisk sak åpen' : `Saksbord – ${count} kritiske saker åpne`,
  },
};

const en: MainTexts = {
  menu: {
    file: 'File',
    newCase: 'New case',
    quit: 'Quit Saksbord',
    edit: 'Edit',
    view: 'View',
    board: 'Board',
    search: 'Search',
    settings: 'Settings…',
    reload: 'Reload',
    devTools: 'Developer tools',
    actualSize: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    window: 'Window',
    minimize: 'Minimise',
    close: 'Close window',
    help: 'Help',
    about: 'About Saksbord',
  },
  tray: {
    show: 'Show Saksbord',
    quit: 'Quit',
    noCritical: 'Saksbord – no open critical cases',
    critical: (count) =>
      count === 1 ? 'Saksbord – 1 open critical case' : `Saksbord – ${count} open critical cases`,
  },
};

const catalogue: Record<Locale, MainTexts> = { nn, nb, en };

/** The texts for a locale; Nynorsk for anything unknown. */
export function mainTexts(locale: Locale): MainTexts {
  return catalogue[locale] ?? nn;
}
