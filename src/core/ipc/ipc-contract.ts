/**
 * The one IPC contract between the renderer (through the preload) and the Electron main
 * process. Every message that crosses the boundary is described here as a zod schema and
 * parsed on arrival: main parses requests (and checks its own responses), the preload
 * parses events. Pure: zod and core only.
 *
 * Two kinds of channel:
 * - invoke channels, renderer → main, request/response (`ipcRenderer.invoke` /
 *   `ipcMain.handle`);
 * - event channels, main → renderer, one-way (`webContents.send` / `ipcRenderer.on`).
 */
import { z } from 'zod';
import { ssoErrorSchema, ssoExchangeResponseSchema } from '../api/oidc-api';
import { defaultLocale, localeSchema } from '../config/localized-text';

/** The address the desktop app syncs with when nothing else is set. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4300';

/** An http(s) URL without credentials; anything else is refused. */
export const serverUrlSchema = z
  .url({ protocol: /^https?$/, error: 'server URL must be an http(s) address' })
  .trim()
  .max(2048)
  .refine((value) => !/^https?:\/\/[^/?#]*@/i.test(value), 'server URL must not hold credentials');

/** Desktop settings kept by the main process (a JSON file in userData). */
export const desktopSettingsSchema = z.object({
  /** Where the renderer syncs to. */
  serverUrl: serverUrlSchema.default(DEFAULT_SERVER_URL),
  /** The user's language; main uses it for the app menu, the tray and its dialogs. */
  language: localeSchema.default(defaultLocale),
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

/** A change to the desktop settings: only the keys given are changed. */
export const desktopSettingsPatchSchema = z.strictObject({
  serverUrl: serverUrlSchema.optional(),
  language: localeSchema.optional(),
});
export type DesktopSettingsPatch = z.infer<typeof desktopSettingsPatchSchema>;

/** A short, single-line text for an OS notification (they truncate long texts anyway). */
const notificationText = z.string().trim().min(1).max(300);

/**
 * A critical case to announce with a native notification. The renderer decides *when*
 * (core alert rules, repeats until acknowledged) and localises the texts; main only shows.
 */
export const criticalNotificationSchema = z.strictObject({
  caseId: z.uuid(),
  /** Server-given case number; null while the case is provisional. */
  number: z.string().max(40).nullable(),
  /** The case's own title (as the requester or agent wrote it). */
  title: z.string().trim().min(1).max(300),
  municipality: z.string().max(200),
  /** True outside opening hours: the case is for the on-call service. */
  onCall: z.boolean(),
  /** Texts already localised by the renderer (nn/nb/en). */
  text: z.strictObject({
    /** Notification heading, e.g. "Kritisk sak 2026-00042 (vakt)". */
    heading: notificationText,
    /** Notification body, e.g. "Skrivar nede – Kommune A". */
    body: notificationText,
  }),
});
export type CriticalNotification = z.infer<typeof criticalNotificationSchema>;

/** Which notifications to take away: one case's, or all of them. */
export const clearNotificationSchema = z.union([
  z.strictObject({ caseId: z.uuid() }),
  z.strictObject({ all: z.literal(true) }),
]);
export type ClearNotification = z.infer<typeof clearNotificationSchema>;

/** Facts about the running desktop app, for the about box and diagnostics. */
export const appInfoSchema = z.object({
  version: z.string(),
  /** `process.platform` of the main process (win32, darwin, linux, …). */
  platform: z.string(),
  /** Electron's version, for support requests. */
  electron: z.string(),
  isPackaged: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Commands the app menu and its keyboard shortcuts send to the renderer. */
export const menuCommandSchema = z.enum([
  /** Ctrl+N: open the phone intake / new case form. */
  'newCase',
  /** Ctrl+F: focus the board's free-text filter. */
  'search',
  /** Ctrl+1: show the kanban board. */
  'board',
  /** Ctrl+,: open settings (server address, language). */
  'settings',
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** A request or response with nothing in it. */
const empty = z.undefined();

/**
 * Invoke channels (renderer → main). Each has a request and a response schema; main's
 * handler receives the parsed request and must return something the response accepts.
 */
export const invokeChannels = {
  /** Show a native notification with sound for a critical case (replaces one for the same case). */
  'notify:critical': {
    request: criticalNotificationSchema,
    response: z.object({ shown: z.boolean() }),
  },
  /** Close notifications shown for a case (acknowledged), or all of them. */
  'notify:clear': { request: clearNotificationSchema, response: empty },
  /** How many critical cases are open: shown by the tray icon's tooltip and title. */
  'tray:setCriticalCount': {
    request: z.strictObject({ count: z.number().int().min(0).max(1_000_000) }),
    response: empty,
  },
  /** Version and platform of the desktop app. */
  'app:getInfo': { request: empty, response: appInfoSchema },
  /** The desktop settings as stored (defaults filled in). */
  'settings:get': { request: empty, response: desktopSettingsSchema },
  /** Change some settings; answers with all of them after the change. */
  'settings:set': { request: desktopSettingsPatchSchema, response: desktopSettingsSchema },
  /**
   * Single sign-on with an identity provider of the configured server, through the system
   * browser and a loopback port (RFC 8252; src/main/loopback-sign-in.ts): the session, or why not.
   */
  'auth:signInWithProvider': {
    request: z.strictObject({
      providerId: z.string().min(1).max(100),
      deviceId: z.string().trim().min(1).max(200),
    }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), session: ssoExchangeResponseSchema }),
      z.object({
        ok: z.literal(false),
        reason: z.union([ssoErrorSchema, z.enum(['failed', 'cancelled'])]),
      }),
    ]),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/**
 * Event channels (main → renderer). The payload schema is checked by the preload before
 * the renderer's listener sees it.
 */
export const eventChannels = {
  /** A notification was clicked: show this case (the window is already focused). */
  'window:focusCase': z.strictObject({ caseId: z.uuid() }),
  /** An app-menu item or its shortcut was chosen. */
  'menu:command': z.strictObject({ command: menuCommandSchema }),
} as const satisfies Record<string, z.ZodType>;

export type InvokeChannel = keyof typeof invokeChannels;
export type EventChannel = keyof typeof eventChannels;

/** What the renderer sends on an invoke channel (before defaults are applied). */
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
/** What main's handler receives on an invoke channel (parsed, defaults applied). */
export type InvokeParsedRequest<C extends InvokeChannel> = z.output<
  (typeof invokeChannels)[C]['request']
>;
/** What an invoke channel answers. */
export type InvokeResponse<C extends InvokeChannel> = z.output<
  (typeof invokeChannels)[C]['response']
>;
/** The payload of an event channel. */
export type EventPayload<C extends EventChannel> = z.output<(typeof eventChannels)[C]>;

export const invokeChannelNames = Object.keys(invokeChannels) as InvokeChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

export function isInvokeChannel(name: string): name is InvokeChannel {
  return Object.hasOwn(invokeChannels, name);
}

export function isEventChannel(name: string): name is EventChannel {
  return Object.hasOwn(eventChannels, name);
}

/** Turns a zod error into one line naming the channel and the first problems. */
export function describeIpcError(channel: string, error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(payload)'}: ${issue.message}`)
    .join('; ');
  return `invalid payload on IPC channel '${channel}': ${issues}`;
}
