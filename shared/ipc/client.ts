import type { z } from 'zod';

import type { CasebookError, Result, VaultErrorCode } from '../errors';
import {
  channelNames,
  contract,
  events,
  resultSchema,
  type ChannelInput,
  type ChannelName,
  type ChannelResult,
  type EventName,
  type EventPayload,
} from './contract';

/** Sends one call and resolves with whatever the other side answered (checked here). */
export type Invoke = (channel: string, args: unknown) => Promise<unknown>;

/** Subscribes to a message from the main process; returns the unsubscribe function. */
export type Listen = (event: string, handler: (payload: unknown) => void) => () => void;

type Domain<C extends string> = C extends `${infer D}.${string}` ? D : never;

/** A channel without arguments is called as `api.vault.status()`, the others with one object. */
type Call<C extends ChannelName> = (
  ...args: Record<string, never> extends ChannelInput<C>
    ? [args?: ChannelInput<C>]
    : [args: ChannelInput<C>]
) => Promise<Result<ChannelResult<C>>>;

export type CasebookApi = {
  readonly [D in Domain<ChannelName>]: {
    readonly [C in ChannelName as C extends `${D}.${infer M}` ? M : never]: Call<C>;
  };
} & {
  /** Calls `handler` with each valid message of that name; returns the unsubscribe function. */
  readonly on: <E extends EventName>(
    event: E,
    handler: (payload: EventPayload<E>) => void,
  ) => () => void;
};

function failure(code: VaultErrorCode, message: string): { ok: false; error: CasebookError } {
  return { ok: false, error: { code, message } };
}

const envelopes = new Map<ChannelName, z.ZodType>();
function envelopeOf(channel: ChannelName): z.ZodType {
  let envelope = envelopes.get(channel);
  if (!envelope) {
    envelope = resultSchema(contract[channel].result);
    envelopes.set(channel, envelope);
  }
  return envelope;
}

function makeCall(invoke: Invoke, channel: ChannelName) {
  return async (args: unknown = {}): Promise<Result<unknown>> => {
    const request = contract[channel].args.safeParse(args);
    if (!request.success) {
      return failure('invalid_request', `The call to ${channel} does not fit the IPC contract.`);
    }
    let answer: unknown;
    try {
      answer = await invoke(channel, request.data);
    } catch {
      // The transport failed (the main process is gone or refused the frame). Its message may
      // name internals; the page gets the code.
      return failure('internal_error', 'Casebook could not reach its vault. Restart Casebook.');
    }
    const parsed = envelopeOf(channel).safeParse(answer);
    if (!parsed.success) {
      return failure('internal_error', `The answer to ${channel} does not fit the IPC contract.`);
    }
    return parsed.data as Result<unknown>;
  };
}

/**
 * The typed API the renderer calls: named functions by domain (`api.vault.unlock({...})`), each
 * resolving to `{ ok: true, value } | { ok: false, error: { code, message } }` and never
 * rejecting. Arguments are checked before they are sent and answers before they are returned,
 * so a bug on either side shows up as an error value at the boundary, not deep in the UI.
 */
export function createApi(invoke: Invoke, listen?: Listen): CasebookApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channelNames) {
    const [domain, method] = channel.split('.') as [string, string];
    (api[domain] ??= {})[method] = makeCall(invoke, channel);
  }
  const on = (event: EventName, handler: (payload: unknown) => void): (() => void) => {
    if (!listen || !Object.hasOwn(events, event)) return () => {};
    return listen(event, (payload) => {
      const parsed = events[event].safeParse(payload);
      if (parsed.success) handler(parsed.data);
    });
  };
  for (const domain of Object.values(api)) Object.freeze(domain);
  return Object.freeze({ ...api, on }) as unknown as CasebookApi;
}
