import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { HistoryView } from './HistoryView';
import { PeopleScreen } from './PeopleScreen';
import { PersonEditor } from './PersonEditor';
import { ViolationForm } from './ViolationForm';

type View =
  | { readonly name: 'people' }
  | { readonly name: 'person'; readonly id: string | null }
  | { readonly name: 'history'; readonly id: string }
  | { readonly name: 'violation' };

/** The unlocked vault: sections on the side, the current one beside them. */
export function HomeScreen({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: 'people' });
  const openPerson = (id: string | null) => setView({ name: 'person', id });
  const section = view.name === 'violation' ? 'violation' : 'people';
  return (
    <div className="screen screen-home">
      <nav className="sections" aria-label={t('home.sections')}>
        <ul>
          <li>
            <button
              type="button"
              className="section-link"
              aria-current={section === 'people' ? 'page' : undefined}
              onClick={() => setView({ name: 'people' })}
            >
              {t('people.title')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="section-link"
              aria-current={section === 'violation' ? 'page' : undefined}
              onClick={() => setView({ name: 'violation' })}
            >
              {t('violation.title')}
            </button>
          </li>
        </ul>
      </nav>
      <div className="section-body">
        {view.name === 'people' ? (
          <PeopleScreen folder={folder} onOpen={openPerson} onNew={() => openPerson(null)} />
        ) : view.name === 'person' ? (
          <PersonEditor
            key={view.id ?? 'new'}
            id={view.id}
            onOpen={openPerson}
            onHistory={(id) => setView({ name: 'history', id })}
            onClose={() => setView({ name: 'people' })}
          />
        ) : view.name === 'history' ? (
          <HistoryView id={view.id} onBack={() => openPerson(view.id)} />
        ) : (
          <ViolationForm onOpen={openPerson} />
        )}
      </div>
    </div>
  );
}
