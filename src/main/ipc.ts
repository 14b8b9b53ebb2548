/**
 * The only way main answers the renderer: every `ipcMain.handle` goes through `handle`
 * below, which refuses senders that are not the app's own top-level page and parses the
 * request (and checks the response) with the channel's schema from the IPC contract.
 */

import {
  describeIpcError,
  type EventChannel,
  type EventPayload,
  eventChannels,
  type InvokeChannel,
  type InvokeParsedRequest,
  type InvokeResponse,
  invokeChannelNames,
  invokeChannels,
} from '@core/ipc';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

/** What a handler is told about the call besides its payload. */
export interface IpcCallContext {
  /** The WebContents that sent the request (to reply on, or find its window). */
  sender: IpcMainInvokeEvent['sender'];
}

/** One handler per invoke channel, typed from the contract. */
export type IpcHandlers = {
  [C in InvokeChannel]: (
    request: InvokeParsedRequest<C>,
    context: IpcCallContext,
  ) => HandlerResult<InvokeResponse<C>> | Promise<HandlerResult<InvokeResponse<C>>>;
};

/** Channels that answer nothing may have handlers that return nothing. */
// biome-ignore lint/suspicious/noConfusingVoidType: lets `() => tray.setCount(n)` be a handler.
type HandlerResult<R> = undefined extends R ? R | void : R;

export interface IpcOptions {
  /** True when a page at this URL may call main (see `isAppUrl`). */
  isTrustedSender: (url: string) => boolean;
}

/** Raised back to the renderer (its `invoke` rejects) when a call is refused. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/** The parts of `ipcMain` used here. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Refuses calls from foreign pages and from sub-frames. */
function checkSender(channel: string, event: IpcMainInvokeEvent, options: IpcOptions): void {
  const frame = event.senderFrame;
  if (!frame) {
    throw new IpcRefusedError(`IPC channel '${channel}' refused: the sending frame is gone`);
  }
  if (frame.parent !== null) {
    throw new IpcRefusedError(
      `IPC channel '${channel}' refused: only the app's top frame may call`,
    );
  }
  if (!options.isTrustedSender(frame.url)) {
    throw new IpcRefusedError(
      `IPC channel '${channel}' refused: sender ${JSON.stringify(frame.url)} is not the Saksbord app`,
    );
  }
}

/** Registers one typed, checked handler. */
export function handle<C extends InvokeChannel>(
  ipcMain: IpcMainLike,
  channel: C,
  handler: IpcHandlers[C],
  options: IpcOptions,
): void {
  const { request: requestSchema, response: responseSchema } = invokeChannels[channel];
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    checkSender(channel, event, options);
    if (args.length > 1) {
      throw new IpcRefusedError(`IPC channel '${channel}' refused: expected one argument`);
    }
    const parsed = requestSchema.safeParse(args[0]);
    if (!parsed.success) throw new IpcRefusedError(describeIpcError(channel, parsed.error));
    const response = await handler(parsed.data as InvokeParsedRequest<C>, {
      sender: event.sender,
    });
    const checked = responseSchema.safeParse(response);
    if (!checked.success) {
      // A bug in main, not in the caller: say so plainly.
      throw new Error(`main answered ${describeIpcError(channel, checked.error)}`);
    }
    return checked.data;
  });
}

/**
 * Registers a handler for every invoke channel of the contract. Returns a function that
 * removes them again (for tests and for a clean quit).
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: IpcOptions,
): () => void {
  for (const channel of invokeChannelNames) {
    handle(ipcMain, channel, handlers[channel] as IpcHandlers[typeof channel], options);
  }
  return () => {
    for (const channel of invokeChannelNames) ipcMain.removeHandler(channel);
  };
}

/** The part of a WebContents used to send events. */
export interface EventSink {
  send: (channel: string, ...args: unknown[]) => void;
  isDestroyed: () => boolean;
}

/**
 * Sends a typed event to a renderer, checked against the contract first so main never
 * sends something the preload would drop. Does nothing once the page is gone.
 */
export function sendEvent<C extends EventChannel>(
  target: EventSink,
  channel: C,
  payload: EventPayload<C>,
): void {
  const checked = eventChannels[channel].parse(payload);
  if (!target.isDestroyed()) target.send(channel, checked);
}
