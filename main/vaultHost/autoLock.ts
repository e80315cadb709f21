import { defaultAutoLockMinutes } from '../../shared/ipc/contract';

export interface AutoLockOptions {
  readonly minutes?: number | undefined;
  /** The idle limit in milliseconds, overriding `minutes`: for tests, which cannot wait minutes. */
  readonly limitMs?: number;
  readonly isUnlocked: () => boolean;
  /** Locks the vault because nobody used it for the set time. */
  readonly lock: () => void;
  /** How often to look; the lock happens at most this much after the limit. */
  readonly checkEveryMs?: number;
  readonly now?: () => number;
}

/**
 * Locks an unlocked vault after a set time without activity. Activity is anything the page
 * reports (every IPC call, and a throttled note on keyboard and pointer input), so the
 * measure is the same in the app, on every platform, and in the e2e harness.
 */
export class AutoLock {
  private limitMs: number;
  private lastActivity: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: AutoLockOptions) {
    this.limitMs = options.limitMs ?? (options.minutes ?? defaultAutoLockMinutes) * 60_000;
    this.now = options.now ?? (() => Date.now());
    this.lastActivity = this.now();
  }

  get minutes(): number {
    return Math.max(1, Math.round(this.limitMs / 60_000));
  }

  set minutes(value: number) {
    this.limitMs = value * 60_000;
  }

  /** The user did something: the idle time starts again. */
  touch(): void {
    this.lastActivity = this.now();
  }

  start(): void {
    this.stop();
    this.timer = setInterval(() => this.check(), this.options.checkEveryMs ?? 10_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Locks if the vault is unlocked and idle for at least the set time. */
  check(): void {
    const idleMs = this.now() - this.lastActivity;
    if (this.options.isUnlocked() && idleMs >= this.limitMs) {
      this.lastActivity = this.now();
      this.options.lock();
    }
  }
}
