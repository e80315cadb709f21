import { describe, expect, it } from 'vitest';

import { createApi, type Invoke } from '../../../shared/ipc/client';

function recordingInvoke(answer: unknown) {
  const calls: { channel: string; args: unknown }[] = [];
  const invoke: Invoke = async (channel, args) => {
    calls.push({ channel, args });
    return answer;
  };
  return { calls, invoke };
}

describe('createApi', () => {
  it('offers the contract as named functions by domain', () => {
    const api = createApi(recordingInvoke(undefined).invoke);
    expect(Object.keys(api).sort()).toEqual([
      'app',
      'attachments',
      'cases',
      'conflicts',
      'import',
      'on',
      'records',
      'reports',
      'search',
      'task',
      'vault',
      'vocabularies',
    ]);
    expect(typeof api.vault.unlock).toBe('function');
    expect(typeof api.records.delete).toBe('function');
    expect(Object.isFrozen(api) && Object.isFrozen(api.vault)).toBe(true);
  });

  it('sends each call on its channel, with {} for a call without arguments', async () => {
    const { calls, invoke } = recordingInvoke({ ok: true, value: {} });
    const api = createApi(invoke);
    await api.vault.lock();
    await api.records.get({ id: 'person-1' }).catch(() => undefined);
    expect(calls).toEqual([
      { channel: 'vault.lock', args: {} },
      { channel: 'records.get', args: { id: 'person-1' } },
    ]);
  });

  it('resolves with error values and never rejects', async () => {
    const failing = createApi(async () => {
      throw new Error('Error invoking remote method: /home/d/secret');
    });
    const reply = await failing.vault.status();
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal_error', message: expect.not.stringContaining('secret') },
    });
  });

  it('passes an error value from the other side through', async () => {
    const error = { code: 'wrong_secret', message: 'That passphrase does not open this vault.' };
    const api = createApi(recordingInvoke({ ok: false, error }).invoke);
    await expect(api.vault.unlock({ folder: '/v', secret: 'x' })).resolves.toEqual({
      ok: false,
      error,
    });
  });

  it('refuses answers outside the contract', async () => {
    for (const answer of [
      undefined,
      { ok: true },
      { ok: true, value: { state: 'open' } },
      { ok: false, error: { code: 'made_up', message: 'x' } },
    ]) {
      const api = createApi(recordingInvoke(answer).invoke);
      const reply = await api.vault.status();
      expect(!reply.ok && reply.error.code).toBe('internal_error');
    }
  });

  it('refuses arguments outside the contract without sending them', async () => {
    const { calls, invoke } = recordingInvoke({ ok: true, value: {} });
    const api = createApi(invoke);
    const reply = await api.records.list({ type: 'person', offset: 0, limit: 0 });
    expect(!reply.ok && reply.error.code).toBe('invalid_request');
    expect(calls).toEqual([]);
  });

  it('delivers valid events and drops malformed ones', () => {
    const handlers = new Map<string, (payload: unknown) => void>();
    const api = createApi(recordingInvoke(undefined).invoke, (event, handler) => {
      handlers.set(event, handler);
      return () => handlers.delete(event);
    });
    const seen: unknown[] = [];
    const stop = api.on('vault.locked', (payload) => seen.push(payload));
    handlers.get('vault.locked')!({ reason: 'system' });
    handlers.get('vault.locked')!({ reason: 'x' });
    handlers.get('vault.locked')!(null);
    expect(seen).toEqual([{ reason: 'system' }]);
    stop();
    expect(handlers.size).toBe(0);
  });
});
