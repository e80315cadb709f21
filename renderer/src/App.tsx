import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { TopBar } from './components/TopBar';
import { HomeScreen } from './screens/HomeScreen';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { useUnlockedSession } from './sessionKeys';
import { useApp, type Screen } from './store';

const titles = {
  starting: 'app.name',
  unavailable: 'app.name',
  welcome: 'titles.welcome',
  recovery: 'titles.recovery',
  unlock: 'titles.unlock',
  home: 'titles.people',
} as const satisfies Record<Screen['name'], string>;

export function App() {
  const { t } = useTranslation();
  const screen = useApp((state) => state.screen);
  const session = useApp((state) => state.session);
  const unlocked = screen.name === 'home' || screen.name === 'recovery';
  useUnlockedSession(unlocked);

  useEffect(() => {
    const title = t(titles[screen.name]);
    document.title = screen.name === 'starting' ? title : `${title} · ${t('app.name')}`;
  }, [screen.name, t]);

  return (
    <>
      <TopBar />
      {/* Keyed on the session: a lock unmounts everything that showed or held vault data. */}
      <main id="main" key={session} aria-busy={screen.name === 'starting'}>
        <CurrentScreen screen={screen} />
      </main>
    </>
  );
}

function CurrentScreen({ screen }: { screen: Screen }) {
  const { t } = useTranslation();
  switch (screen.name) {
    case 'starting':
      return <p className="status screen screen-narrow">{t('common.loading')}</p>;
    case 'unavailable':
      return (
        <div className="screen screen-narrow">
          <h1>{t('app.name')}</h1>
          <p className="message message-error" role="alert">
            {screen.error ? t(`errors.${screen.error.code}`) : t('app.unavailable')}
          </p>
        </div>
      );
    case 'welcome':
      return <WelcomeScreen />;
    case 'recovery':
      return <RecoveryScreen recoveryCode={screen.recoveryCode} />;
    case 'unlock':
      return <UnlockScreen key={screen.folder} folder={screen.folder} notice={screen.notice} />;
    case 'home':
      return <HomeScreen folder={screen.folder} />;
  }
}
