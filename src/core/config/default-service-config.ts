import { defaultPasswordPolicy } from '../account/password-policy';
import { defaultCalendarConfig } from '../calendar/calendar-config';
import { defaultPagingConfig } from '../oncall/paging-config';
import { defaultSlaConfig } from '../sla/sla-targets';
import { defaultProblemCategories } from './default-problem-categories';
import type { MunicipalityConfig } from './municipality-config';
import { defaultAttachmentLimits, type ServiceConfig } from './service-config';

const municipality = (id: string, name: string): MunicipalityConfig => ({
  id,
  name: `${name} kommune`,
  line2Group: { name: `IKT-konsulentar ${name}`, consultantIds: [] },
});

/**
 * The demo municipalities: real Romsdal municipalities, each with its own line-2 group.
 * Consultants join a group through the municipalities on their user account.
 */
export const defaultMunicipalities: MunicipalityConfig[] = [
  municipality('molde', 'Molde'),
  municipality('aukra', 'Aukra'),
  municipality('hustadvika', 'Hustadvika'),
  municipality('rauma', 'Rauma'),
  municipality('vestnes', 'Vestnes'),
  municipality('gjemnes', 'Gjemnes'),
];

/**
 * The seed's service: its calendar and phone numbers (support 70 16 29 99, on-call
 * 70 16 24 46, no extra closed days), its office numbers, the default SLA targets, and a demo
 * set of municipalities and problem categories. `resources/config/default-config.json` is this
 * object written out; a test keeps the two equal.
 */
export const defaultServiceConfig: ServiceConfig = {
  organisation: {
    name: 'Romsdal IKT brukarstøtte',
    localizedName: {
      nn: 'Romsdal IKT brukarstøtte',
      nb: 'Romsdal IKT brukerstøtte',
      en: 'Romsdal IKT user support',
    },
    supportTeamLeaderPhone: '70 16 24 03',
    itManagerPhone: '70 16 24 42',
  },
  calendar: defaultCalendarConfig,
  sla: defaultSlaConfig,
  municipalities: defaultMunicipalities,
  categories: defaultProblemCategories,
  attachments: defaultAttachmentLimits,
  alerts: { repeatMinutes: 5 },
  paging: defaultPagingConfig,
  identityProviders: [],
  passwordPolicy: defaultPasswordPolicy,
};
