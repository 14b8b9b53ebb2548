import { accountRoutes } from './account-api';
import { adminRoutes } from './admin-api';
import type { RouteSpec } from './api-route';
import { caseRoutes } from './case-api';
import { contentRoutes } from './content-api';
import { notificationRoutes } from './notification-api';
import { oidcRoutes } from './oidc-api';
import { oncallRoutes } from './oncall-api';
import { searchRoutes } from './search-api';
import { serviceRoutes } from './service-api';
import { syncRoutes } from './sync-api';
import { userAdminRoutes } from './user-admin-api';

/**
 * Every route of the server, once. The server mounts only these (`mountRoute`), the OpenAPI
 * document lists exactly these, and the web client calls only these.
 */
export const apiRoutes: readonly RouteSpec[] = [
  ...serviceRoutes,
  ...accountRoutes,
  ...oidcRoutes,
  ...caseRoutes,
  ...syncRoutes,
  ...contentRoutes,
  ...oncallRoutes,
  ...adminRoutes,
  ...searchRoutes,
  ...notificationRoutes,
  ...userAdminRoutes,
];
