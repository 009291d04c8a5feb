import type * as z from 'zod';
import {
  ipcContract,
  type IpcChannel,
  type IpcOutput,
  type IpcParsedInput,
} from '@shared/ipc/contract';
import { fail, ok, type IpcResult } from '@shared/ipc/result';
import { AppError } from './AppError';

/** One function per channel, receiving input that already passed the channel's schema. */
export type IpcHandlers = {
  [C in IpcChannel]: (input: IpcParsedInput<C>) => Promise<IpcOutput<C>> | IpcOutput<C>;
};

export type IpcRequest = { channel: string; input: unknown; senderUrl: string | null };

export type Dispatcher = (request: IpcRequest) => Promise<IpcResult<unknown>>;

export type DispatcherOptions = {
  handlers: IpcHandlers;
  /** Decides whether the frame that sent a request may use the bridge at all. */
  isTrustedSender: (senderUrl: string | null) => boolean;
  /** Where unexpected failures are written; the renderer only learns that one happened. */
  logError: (channel: string, error: unknown) => void;
};

function isChannel(channel: string): channel is IpcChannel {
  return Object.hasOwn(ipcContract, channel);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/**
 * The single path every IPC request takes in main: sender check, input schema, handler, output
 * schema, and errors turned into `{ok:false}` answers. Electron's `ipcMain` only feeds it (see
 * handle.ts); the browser tests feed it from a Playwright binding, so both run this same code.
 */
export function createDispatcher({
  handlers,
  isTrustedSender,
  logError,
}: DispatcherOptions): Dispatcher {
  return async ({ channel, input, senderUrl }) => {
    if (!isTrustedSender(senderUrl)) {
      return fail(
        'forbidden-sender',
        `Requests from ${senderUrl ?? 'an unknown frame'} are refused`,
      );
    }
    if (!isChannel(channel)) return fail('unknown-channel', `No IPC channel is named "${channel}"`);
    const schemas = ipcContract[channel];
    const parsedInput = schemas.input.safeParse(input);
    if (!parsedInput.success) {
      return fail('invalid-input', `${channel}: ${describeIssues(parsedInput.error)}`);
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsedInput.data);
      const parsedOutput = schemas.output.safeParse(value);
      if (!parsedOutput.success) {
        logError(channel, parsedOutput.error);
        return fail('invalid-output', `${channel} produced data that does not match its contract`);
      }
      return ok(parsedOutput.data);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      logError(channel, error);
      return fail('internal', `${channel} failed unexpectedly; the details are in the log`);
    }
  };
}
