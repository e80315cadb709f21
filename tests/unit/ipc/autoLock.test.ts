import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { AutoLock } from '../../../main/vaultHost/autoLock';

describe('AutoLock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(options: { unlocked?: boolean; minutes?: number } = {}) {
    const state = { unlocked: options.unlocked ?? true, locks: 0 };
    const autoLock = new AutoLock({
      minutes: options.minutes,
      isUnlocked: () => state.unlocked,
      lock: () => {
        state.locks++;
        state.unlocked = false;
      },
      checkEveryMs: 1_000,
    });
    autoLock.start();
    return { autoLock, state };
  }

  it('locks after five minutes without activity by default', () => {
    const { autoLock, state } = setUp();
    expect(autoLock.minutes).toBe(5);
    vi.advanceTimersByTime(4 * 60_000 + 58_000);
    expect(state.locks).toBe(0);
    vi.advanceTimersByTime(2_000);
    expect(state.locks).toBe(1);
    autoLock.stop();
  });

  it('starts the idle time again at every activity', () => {
    const { autoLock, state } = setUp({ minutes: 1 });
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(50_000);
      autoLock.touch();
    }
    expect(state.locks).toBe(0);
    vi.advanceTimersByTime(61_000);
    expect(state.locks).toBe(1);
    autoLock.stop();
  });

  it('follows a changed setting', () => {
    const { autoLock, state } = setUp({ minutes: 30 });
    autoLock.minutes = 2;
    vi.advanceTimersByTime(2 * 60_000 + 1_000);
    expect(state.locks).toBe(1);
    autoLock.stop();
  });

  it('does nothing while the vault is locked, and once per idle period', () => {
    const { autoLock, state } = setUp({ unlocked: false, minutes: 1 });
    vi.advanceTimersByTime(10 * 60_000);
    expect(state.locks).toBe(0);
    state.unlocked = true;
    autoLock.touch();
    vi.advanceTimersByTime(10 * 60_000);
    expect(state.locks).toBe(1);
    autoLock.stop();
  });
});
