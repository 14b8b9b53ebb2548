import { z } from 'zod';
import { roleSchema } from '../rules/actor';
import { publicUserSchema } from './account-api';
import { defineRoute } from './api-route';

/**
 * User administration (admins; team leaders for the agents of their line) and one's own
 * account (password change, two-step sign-in). Every change is audited and shows in the
 * user's history. A refused change carries its rule: `users.notYours`, `users.roleNotAllowed`,
 * `users.selfLockout`, `users.noLocalPassword`, `users.usernameTaken`, or a password rule
 * (`password.tooShort`, `password.common`, … from core's password policy).
 */

export const userSourceSchema = z.enum(['local', 'oidc', 'scim']);
export type UserSource = z.infer<typeof userSourceSchema>;

/** An account as its administrators see it. */
export const adminUserSchema = publicUserSchema.extend({
  email: z.string().nullable(),
  /** Made here (`local`), at a first single sign-on (`oidc`), or provisioned (`scim`). */
  source: userSourceSchema,
  /** The identity provider of an SSO or SCIM account. */
  providerId: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /** False for accounts that sign in only through their provider. */
  hasPassword: z.boolean(),
  totpEnabled: z.boolean(),
  /** Sessions open now (not expired). */
  sessions: z.number().int().nonnegative(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

/** One entry of a user's history: who changed what, when (from the audit log). */
export const userHistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  /** `user.create`, `user.role`, `user.update`, `user.disable`, `user.enable`, `user.password`, … */
  action: z.string(),
  /** English facts for the log; clients word the action and details themselves. */
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type UserHistoryEntry = z.infer<typeof userHistoryEntrySchema>;

/** How recently a user signed in, for the list's filter. */
export const lastSignInFilterSchema = z.enum(['7d', '30d', 'over30d', 'never']);
export type LastSignInFilter = z.infer<typeof lastSignInFilterSchema>;

export const adminUserListQuerySchema = z.object({
  /** Part of the username, name or e-mail. */
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  municipality: z.string().trim().max(100).optional(),
  source: userSourceSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  lastSignIn: lastSignInFilterSchema.optional(),
});

const usernameSchema = z
  .string()
  .trim()
  .min(2, 'username needs at least 2 characters')
  .max(100)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'username may hold letters, digits and . _ @ -');
const displayNameSchema = z.string().trim().min(1, 'name is required').max(200);
const emailSchema = z.email('must be an e-mail address').max(320).nullable();
const passwordSchema = z.string().min(1, 'password is required').max(1_000);

export const createLocalUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  municipalityIds: z.array(z.string().trim().min(1)).max(50).default([]),
  email: emailSchema.optional(),
  /** The first password; the policy applies. */
  password: passwordSchema,
});

export const updateUserSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    email: emailSchema.optional(),
    role: roleSchema.optional(),
    municipalityIds: z.array(z.string().trim().min(1)).max(50).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const userEnvelopeSchema = z.object({ user: adminUserSchema });

const idParams = z.object({ id: z.string().min(1).max(100) });
const adminRoles = ['teamLeader', 'admin'] as const;
const adminProblems = {
  400: 'Bad input',
  401: 'Not signed in',
  403: 'Not an administrator of this account (rule users.notYours / users.roleNotAllowed / users.selfLockout)',
} as const;

export const listAdminUsers = defineRoute({
  id: 'listAdminUsers',
  method: 'get',
  path: '/api/v1/admin/users',
  summary:
    'Accounts the caller administers, filtered by text, role, municipality, source, status and last sign-in',
  tag: 'users',
  access: adminRoles,
  query: adminUserListQuerySchema,
  responses: {
    200: {
      description: 'Accounts, by username',
      schema: z.object({ users: z.array(adminUserSchema) }),
    },
  },
  problems: { 400: 'Bad filter', 401: 'Not signed in', 403: 'Admins and team leaders only' },
});

export const createLocalUser = defineRoute({
  id: 'createLocalUser',
  method: 'post',
  path: '/api/v1/admin/users',
  summary: 'Create a local account (username and password)',
  tag: 'users',
  access: adminRoles,
  body: createLocalUserSchema,
  responses: { 201: { description: 'Created', schema: userEnvelopeSchema } },
  problems: {
    ...adminProblems,
    409: 'The username is taken (rule users.usernameTaken)',
    422: 'The password breaks the policy (rule password.*), or an unknown municipality',
  },
});

export const getAdminUser = defineRoute({
  id: 'getAdminUser',
  method: 'get',
  path: '/api/v1/admin/users/{id}',
  summary: 'One account with its history (every change: who, when, what)',
  tag: 'users',
  access: adminRoles,
  params: idParams,
  responses: {
    200: {
      description: 'The account and its history, newest first',
      schema: z.object({ user: adminUserSchema, history: z.array(userHistoryEntrySchema) }),
    },
  },
  problems: { ...adminProblems, 404: 'No such account' },
});

export const updateAdminUser = defineRoute({
  id: 'updateAdminUser',
  method: 'put',
  path: '/api/v1/admin/users/{id}',
  summary: 'Change name, e-mail, role or municipalities',
  tag: 'users',
  access: adminRoles,
  params: idParams,
  body: updateUserSchema,
  responses: { 200: { description: 'Changed', schema: userEnvelopeSchema } },
  problems: { ...adminProblems, 404: 'No such account', 422: 'An unknown municipality' },
});

export const setUserDisabled = defineRoute({
  id: 'setUserDisabled',
  method: 'put',
  path: '/api/v1/admin/users/{id}/disabled',
  summary: 'Disable (signs out everywhere, ends live streams) or enable an account',
  tag: 'users',
  access: adminRoles,
  params: idParams,
  body: z.object({ disabled: z.boolean() }),
  responses: { 200: { description: 'Changed', schema: userEnvelopeSchema } },
  problems: { ...adminProblems, 404: 'No such account' },
});

export const resetUserPassword = defineRoute({
  id: 'resetUserPassword',
  method: 'post',
  path: '/api/v1/admin/users/{id}/password',
  summary: 'Set a new password (signs out everywhere); optionally remove two-step sign-in',
  tag: 'users',
  access: adminRoles,
  params: idParams,
  body: z.object({ newPassword: passwordSchema, removeTotp: z.boolean().default(false) }),
  responses: { 200: { description: 'Reset', schema: userEnvelopeSchema } },
  problems: { ...adminProblems, 404: 'No such account', 422: 'The password breaks the policy' },
});

export const endUserSessions = defineRoute({
  id: 'endUserSessions',
  method: 'delete',
  path: '/api/v1/admin/users/{id}/sessions',
  summary: 'End every session of the account (its live streams close at once)',
  tag: 'users',
  access: adminRoles,
  params: idParams,
  responses: {
    200: {
      description: 'How many ended',
      schema: z.object({ ended: z.number().int().nonnegative() }),
    },
  },
  problems: { ...adminProblems, 404: 'No such account' },
});

export const changeOwnPassword = defineRoute({
  id: 'changeOwnPassword',
  method: 'post',
  path: '/api/v1/account/password',
  summary: 'Change one’s own password (the current one is required); other sessions end',
  tag: 'auth',
  access: 'signedIn',
  body: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }),
  responses: { 204: { description: 'Changed', schema: null } },
  problems: {
    400: 'Bad input',
    401: 'Not signed in, or the current password is wrong (rule account.wrongPassword)',
    409: 'The account has no local password (rule users.noLocalPassword)',
    422: 'The new password breaks the policy (rule password.*)',
  },
});

export const totpEnrolmentSchema = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The URI as a QR code (an SVG document). */
  qrSvg: z.string(),
});

export const startTotpEnrolment = defineRoute({
  id: 'startTotpEnrolment',
  method: 'post',
  path: '/api/v1/account/totp',
  summary: 'Start two-step sign-in: a new secret, its otpauth:// URI and QR code (not stored yet)',
  tag: 'auth',
  access: 'signedIn',
  responses: { 200: { description: 'A secret to add to an app', schema: totpEnrolmentSchema } },
  problems: { 401: 'Not signed in', 409: 'Only local staff accounts (rule users.noLocalPassword)' },
});

export const confirmTotpEnrolment = defineRoute({
  id: 'confirmTotpEnrolment',
  method: 'put',
  path: '/api/v1/account/totp',
  summary: 'Turn two-step sign-in on with the secret and a code from the app',
  tag: 'auth',
  access: 'signedIn',
  body: z.object({
    secret: z.string().regex(/^[A-Z2-7]{16,64}$/, 'must be the base32 secret given'),
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be the 6 digits the app shows'),
  }),
  responses: { 204: { description: 'On', schema: null } },
  problems: {
    400: 'Bad input',
    401: 'Not signed in',
    409: 'Only local staff accounts',
    422: 'The code does not match (rule account.totpInvalid)',
  },
});

export const userAdminRoutes = [
  listAdminUsers,
  createLocalUser,
  getAdminUser,
  updateAdminUser,
  setUserDisabled,
  resetUserPassword,
  endUserSessions,
  changeOwnPassword,
  startTotpEnrolment,
  confirmTotpEnrolment,
] as const;
