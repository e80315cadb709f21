import { isVaultError } from '../../db';
import type { CasebookError, Result } from '../../shared/errors';
import {
  contract,
  channelNames,
  isChannelName,
  type ChannelArgs,
  type ChannelName,
  type ChannelResult,
} from '../../shared/ipc/contract';
import { errorValue, internalError } from './errors';
import { silentCaller, type Caller } from './tasks';

/**
 * What each channel does, given arguments the contract has already checked, and who called
 * (for the progress of long tasks, main/ipc/tasks.ts).
 */
export type Services = {
  readonly [C in ChannelName]: (
    args: ChannelArgs<C>,
    caller: Caller,
  ) => Promise<ChannelResult<C>> | ChannelResult<C>;
};

export interface Router {
  readonly channels: readonly ChannelName[];
  /** Never rejects: every outcome is a value the page may see. */
  handle(channel: unknown, args: unknown, caller?: Caller): Promise<Result<unknown>>;
}

export interface RouterOptions {
  /**
   * Told of a bug (a thrown non-VaultError, or a result outside the contract) with the
   * channel and the exception's class name only: its message may hold record content.
   */
  readonly onUnexpected?: (channel: ChannelName, what: string) => void;
}

function refused(message: string): { ok: false; error: CasebookError } {
  return { ok: false, error: { code: 'invalid_request', message } };
}

/** The answer to a call from a frame that is not the app's own page. */
export function untrustedSender(): { ok: false; error: CasebookError } {
  return refused('This page may not use the vault.');
}

/**
 * The one entry from the page into the vault: checks the channel and the arguments against the
 * contract, calls the service, checks its result, and turns every failure into an error value.
 * Electron's ipcMain and the e2e harness's page binding both call `handle`.
 */
export function createRouter(services: Services, options: RouterOptions = {}): Router {
  const call = services as unknown as Record<
    ChannelName,
    (args: unknown, caller: Caller) => unknown
  >;
  return {
    channels: channelNames,
    async handle(channel, args, caller = silentCaller) {
      if (!isChannelName(channel)) return refused('There is no such call.');
      const request = contract[channel].args.safeParse(args);
      // zod's issue text is not passed on: it can quote the offending value.
      if (!request.success) return refused(`The call to ${channel} was malformed.`);

      let value: unknown;
      try {
        value = await call[channel](request.data, caller);
      } catch (error) {
        if (!isVaultError(error)) {
          options.onUnexpected?.(channel, error instanceof Error ? error.name : typeof error);
        }
        return { ok: false, error: errorValue(error) };
      }
      const result = contract[channel].result.safeParse(value);
      if (!result.success) {
        options.onUnexpected?.(channel, 'result outside the contract');
        return { ok: false, error: internalError() };
      }
      return { ok: true, value: result.data };
    },
  };
}
