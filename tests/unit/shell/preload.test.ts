import { readFileSync } from 'node:fs';
import vm from 'node:vm';

import { beforeAll, describe, expect, it } from 'vitest';

import { ensureBundle } from '../../support/appBundles.js';
import { VERSION_ARGUMENT_PREFIX } from '../../../main/shell/webPreferences.js';
import { repoPath } from './paths.js';
import { channelNames } from '../../../shared/ipc/contract.js';

// A sandboxed preload is one file that can require only `electron` (and a few Node
// built-ins): main/preload.ts is bundled with the shared/ modules it uses into
// dist/preload/preload.js. These tests check the source's imports, then run the bundle the way
// Electron's sandbox would: in a fresh context whose `require` knows only `electron`.
const source = readFileSync(repoPath('main/preload.ts'), 'utf8');

interface Exposed {
  name: string;
  api: Record<string, unknown>;
}

interface FakeIpc {
  invoked: { channel: string; args: unknown }[];
  answer: unknown;
  listeners: Map<string, (event: unknown, payload: unknown) => void>;
}

/** Runs the bundle with a fake `electron`; returns what it exposed and the fake ipcRenderer. */
function runBundle(bundle: string): { exposed: Exposed[]; ipc: FakeIpc; required: string[] } {
  const exposed: Exposed[] = [];
  const required: string[] = [];
  const ipc: FakeIpc = { invoked: [], answer: undefined, listeners: new Map() };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) =>
        exposed.push({ name, api }),
    },
    ipcRenderer: {
      invoke: async (channel: string, args: unknown) => {
        ipc.invoked.push({ channel, args });
        return ipc.answer;
      },
      on: (event: string, listener: (event: unknown, payload: unknown) => void) =>
        ipc.listeners.set(event, listener),
      removeListener: (event: string) => ipc.listeners.delete(event),
    },
  };
  const module = { exports: {} };
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (specifier: string) => {
      required.push(specifier);
      if (specifier !== 'electron')
        throw new Error(`a sandboxed preload cannot require ${specifier}`);
      return electron;
    },
    process: { argv: ['electron', `${VERSION_ARGUMENT_PREFIX}1.2.3`] },
    console,
  });
  vm.runInContext(bundle, context);
  return { exposed, ipc, required };
}

describe('main/preload.ts', () => {
  it('imports electron and the shared IPC client, nothing of main/ or db/', () => {
    const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map(
      (match) => match[1],
    );
    expect(specifiers).toEqual(['electron', '../shared/ipc/jitless', '../shared/ipc']);
  });

  it('reads the version argument that windowWebPreferences passes', () => {
    expect(source).toContain(`'${VERSION_ARGUMENT_PREFIX}'`);
  });

  it('exposes one object and never ipcRenderer itself', () => {
    expect(source.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('the preload bundle', () => {
  let bundle: string;
  beforeAll(() => {
    bundle = readFileSync(ensureBundle('preload'), 'utf8');
  });

  it('requires nothing but electron', () => {
    const specifiers = [...bundle.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (match) => match[1],
    );
    expect(new Set(specifiers)).toEqual(new Set(['electron']));
    expect(runBundle(bundle).required).toEqual(['electron']);
  });

  it('exposes window.casebook: named functions by domain, the event hook and the version', () => {
    const { exposed } = runBundle(bundle);
    expect(exposed.map((e) => e.name)).toEqual(['casebook']);
    const api = exposed[0]!.api as Record<string, Record<string, unknown>>;
    // Exactly one named function per contract channel, grouped by domain: nothing else.
    const expected = new Map<string, string[]>();
    for (const name of channelNames) {
      const [domain, fn] = name.split('.') as [string, string];
      expected.set(domain, [...(expected.get(domain) ?? []), fn].sort());
    }
    expect(Object.keys(api).sort()).toEqual([...expected.keys(), 'on', 'version'].sort());
    for (const [domain, functions] of expected) {
      expect(Object.keys(api[domain]!).sort(), domain).toEqual(functions);
      for (const fn of functions)
        expect(typeof api[domain]![fn], `${domain}.${fn}`).toBe('function');
    }
    expect(Object.keys(api.vault!)).toContain('unlock');
    expect(api.version).toBe('1.2.3');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i);
  });

  it('sends a call on its own channel, and checks the answer against the contract', async () => {
    const { exposed, ipc } = runBundle(bundle);
    const vault = exposed[0]!.api.vault as Record<string, (args?: unknown) => Promise<unknown>>;

    ipc.answer = { ok: true, value: {} };
    await expect(vault.unlock!({ folder: '/v', secret: 'pass phrase' })).resolves.toEqual({
      ok: true,
      value: {},
    });
    expect(ipc.invoked).toEqual([
      { channel: 'vault.unlock', args: { folder: '/v', secret: 'pass phrase' } },
    ]);

    // An answer outside the contract (a leaked key, say) is refused at the boundary.
    ipc.answer = { ok: true, value: { recoveryCode: 42 } };
    const created = (await vault.create!({ folder: '/v', passphrase: 'long enough' })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(created.ok).toBe(false);
    expect(created.error?.code).toBe('internal_error');

    // Arguments outside the contract never leave the page.
    const before = ipc.invoked.length;
    const bad = (await vault.unlock!({ folder: '/v', secret: 'x', extra: 1 })) as { ok: boolean };
    expect(bad.ok).toBe(false);
    expect(ipc.invoked).toHaveLength(before);
  });

  it('passes on only the events the contract names, with valid payloads', () => {
    const { exposed, ipc } = runBundle(bundle);
    const on = exposed[0]!.api.on as (event: string, handler: (p: unknown) => void) => () => void;
    const seen: unknown[] = [];
    const stop = on('vault.locked', (payload) => seen.push(payload));
    on('anything.else', (payload) => seen.push(payload));
    expect([...ipc.listeners.keys()]).toEqual(['vault.locked']);
    ipc.listeners.get('vault.locked')!({}, { reason: 'idle' });
    ipc.listeners.get('vault.locked')!({}, { reason: 'because' });
    expect(seen).toEqual([{ reason: 'idle' }]);
    stop();
    expect(ipc.listeners.size).toBe(0);
  });
});
