import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { autoLockMinuteChoices } from '../../../shared/ipc/contract';
import { api } from '../api';
import { useApp } from '../store';
import { LanguageSwitch } from './LanguageSwitch';

/** The bar above every screen: the name, the language, and while unlocked the lock controls. */
export function TopBar() {
  const { t } = useTranslation();
  const unlocked = useApp((state) => state.screen.name === 'home');
  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      <div className="topbar-controls">
        {unlocked ? <AutoLockSetting /> : null}
        <LanguageSwitch />
        {unlocked ? <LockButton /> : null}
      </div>
    </header>
  );
}

function LockButton() {
  const { t } = useTranslation();
  const locked = useApp((state) => state.locked);
  return (
    <button
      type="button"
      className="button button-lock"
      aria-keyshortcuts="Control+L"
      title={t('home.lockHint')}
      onClick={async () => {
        await api().vault.lock();
        locked('user');
      }}
    >
      <LockIcon />
      {t('home.lock')}
    </button>
  );
}

function AutoLockSetting() {
  const { t } = useTranslation();
  const id = useId();
  const minutes = useApp((state) => state.autoLockMinutes);
  const changed = useApp((state) => state.autoLockChanged);
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('home.autoLock')}</label>
      <select
        id={id}
        value={minutes}
        onChange={async (event) => {
          const result = await api().vault.setAutoLock({ minutes: Number(event.target.value) });
          if (result.ok) changed(result.value.autoLockMinutes);
        }}
      >
        {autoLockMinuteChoices.map((choice) => (
          <option key={choice} value={choice}>
            {t('home.minutes', { minutes: choice })}
          </option>
        ))}
      </select>
    </div>
  );
}

function LockIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z"
        fill="currentColor"
      />
    </svg>
  );
}
