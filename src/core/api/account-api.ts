import { z } from 'zod';
import { roleSchema } from '../rules/actor';
import { defineRoute } from './api-route';

/** Signing in and out, who am I, and the staff directory. */

export const signInRequestSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(100),
  password: z.string().min(1, 'password is required').max(1_000),
  /** The installation signing in; recorded on every change made with the token. */
  deviceId: z.string().trim().min(1).max(200).default('web'),
  /** The code of the authenticator app, for accounts with two-step sign-in on. */
  totpCode: z.string().trim().max(20).optional(),
});

/** A user as other users see them: never a password hash, never a session. */
export const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  municipalityIds: z.array(z.string()),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const signInResponseSchema = z.object({
  /** The bearer token: `Authorization: Bearer <token>` on every later request. */
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  user: publicUserSchema,
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const meResponseSchema = z.object({
  user: publicUserSchema,
  deviceId: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const userDirectorySchema = z.object({ users: z.array(publicUserSchema) });

export const signIn = defineRoute({
  id: 'signIn',
  method: 'post',
  path: '/api/v1/auth/sign-in',
  summary: 'Sign in with username and password; returns a bearer token that expires',
  tag: 'auth',
  access: 'public',
  body: signInRequestSchema,
  responses: { 200: { description: 'Signed in', schema: signInResponseSchema } },
  problems: {
    400: 'Bad input',
    401: 'Wrong username or password; or the app code is needed (rule signIn.totpRequired) or wrong (rule signIn.totpInvalid)',
    429: 'Too many failed sign-ins; see Retry-After',
  },
});

export const signOut = defineRoute({
  id: 'signOut',
  method: 'post',
  path: '/api/v1/auth/sign-out',
  summary: 'End this token',
  tag: 'auth',
  access: 'signedIn',
  responses: { 204: { description: 'Signed out', schema: null } },
  problems: { 401: 'Not signed in' },
});

export const getMe = defineRoute({
  id: 'getMe',
  method: 'get',
  path: '/api/v1/auth/me',
  summary: 'Who am I, on which device, until when',
  tag: 'auth',
  access: 'signedIn',
  responses: { 200: { description: 'The signed-in user', schema: meResponseSchema } },
  problems: { 401: 'Not signed in, or the token expired' },
});

export const listUsers = defineRoute({
  id: 'listUsers',
  method: 'get',
  path: '/api/v1/users',
  summary: 'The staff directory: who a case is assigned to and whom it may be assigned to',
  tag: 'users',
  access: ['agent', 'consultant', 'senior', 'teamLeader', 'admin'],
  responses: { 200: { description: 'Active staff', schema: userDirectorySchema } },
  problems: { 401: 'Not signed in', 403: 'Requesters do not see the directory' },
});

export const accountRoutes = [signIn, signOut, getMe, listUsers] as const;
