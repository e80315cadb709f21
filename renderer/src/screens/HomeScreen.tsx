import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CaseEditor } from './CaseEditor';
import { CasesScreen } from './CasesScreen';
import { HistoryView } from './HistoryView';
import { LinkedEditor } from './LinkedEditor';
import type { LinkedType } from './PersonRecords';
import { PeopleScreen } from './PeopleScreen';
import { PersonEditor } from './PersonEditor';
import { ViolationForm } from './ViolationForm';
import { ConflictBadge } from '../conflicts/conflictCount';
import { ConflictsScreen } from '../conflicts/ConflictsScreen';

type View =
  | { readonly name: 'people' }
  | { readonly name: 'person'; readonly id: string | null }
  | { readonly name: 'cases' }
  /** `saved` counts saves, so that the editor reloads the revision it wrote and says so. */
  | { readonly name: 'case'; readonly id: string | null; readonly saved?: number }
  | { readonly name: 'history'; readonly id: string }
  /** A detention, trial or testimony opened from the page of `personId`. */
  | {
      readonly name: 'linked';
      readonly type: LinkedType;
      readonly id: string | null;
      readonly personId: string;
      readonly saved?: number;
    }
  | { readonly name: 'violation' }
  | { readonly name: 'conflicts' };

type Section = 'people' | 'cases' | 'violation' | 'conflicts';

const sectionOf = (view: View, previous: Section): Section =>
  view.name === 'people' || view.name === 'person'
    ? 'people'
    : view.name === 'cases' || view.name === 'case'
      ? 'cases'
      : view.name === 'violation' || view.name === 'conflicts'
        ? view.name
        : previous;

/**
 * The unlocked vault: sections on the side (Alt+1 to Alt+4), the current
 * one beside them. Opening a record from another (a person from a case) stacks it, so "Back"
 * returns to where the user came from.
 */
export function HomeScreen({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const [stack, setStack] = useState<readonly View[]>([{ name: 'people' }]);
  const [section, setSection] = useState<Section>('people');
  const view = stack[stack.length - 1]!;
  const show = (next: View) => {
    setSection((current) => sectionOf(next, current));
    setStack([next]);
  };
  const push = (next: View) => {
    setSection((current) => sectionOf(next, current));
    setStack((current) => [...current, next]);
  };
  const back = () => {
    const rest = stack.slice(0, -1);
    const previous = rest[rest.length - 1];
    if (!previous) {
      show({ name: section === 'cases' ? 'cases' : 'people' });
      return;
    }
    setSection((current) => sectionOf(previous, current));
    setStack(rest);
  };
  const openPerson = (id: string | null) => push({ name: 'person', id });
  const openCase = (id: string | null) => push({ name: 'case', id });
  const history = (id: string) => push({ name: 'history', id });
  const cameFrom = stack[stack.length - 2];
  const backLabel =
    cameFrom === undefined || cameFrom.name === 'people' || cameFrom.name === 'cases'
      ? t('common.backToList')
      : t('common.back');

  const links: { section: Section; label: string; key: string; view: View }[] = [
    { section: 'people', label: t('people.title'), key: '1', view: { name: 'people' } },
    { section: 'cases', label: t('cases.title'), key: '2', view: { name: 'cases' } },
    { section: 'violation', label: t('violation.title'), key: '3', view: { name: 'violation' } },
    { section: 'conflicts', label: t('conflicts.title'), key: '4', view: { name: 'conflicts' } },
  ];

  // Alt+1..4 move between the sections from anywhere (accesskey differs by browser and OS).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = {
        Digit1: 'people',
        Digit2: 'cases',
        Digit3: 'violation',
        Digit4: 'conflicts',
      }[event.code] as Section | undefined;
      if (!target) return;
      event.preventDefault();
      setSection(target);
      setStack([{ name: target }]);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="screen screen-home">
      <nav className="sections" aria-label={t('home.sections')}>
        <ul>
          {links.map((link) => (
            <li key={link.section}>
              <button
                type="button"
                className="section-link"
                aria-keyshortcuts={`Alt+${link.key}`}
                aria-current={section === link.section ? 'page' : undefined}
                onClick={() => show(link.view)}
              >
                {link.label}
                {link.section === 'conflicts' ? <ConflictBadge /> : null}
              </button>
            </li>
          ))}
        </ul>
        <p className="hint">{t('home.sectionKeys')}</p>
      </nav>
      <div className="section-body">
        {view.name === 'people' ? (
          <PeopleScreen folder={folder} onOpen={openPerson} onNew={() => openPerson(null)} />
        ) : view.name === 'person' ? (
          <PersonEditor
            key={view.id ?? 'new'}
            id={view.id}
            onOpen={openPerson}
            onOpenLinked={(type, id, personId) => push({ name: 'linked', type, id, personId })}
            onHistory={history}
            onClose={back}
            backLabel={backLabel}
          />
        ) : view.name === 'cases' ? (
          <CasesScreen onOpen={openCase} onNew={() => openCase(null)} />
        ) : view.name === 'case' ? (
          <CaseEditor
            key={`${view.id ?? 'new'}-${view.saved ?? 0}`}
            id={view.id}
            savedNow={view.saved !== undefined}
            onOpenPerson={openPerson}
            onHistory={history}
            onBack={back}
            onSaved={(id) =>
              setStack((current) => [
                ...current.slice(0, -1),
                { name: 'case', id, saved: (view.saved ?? 0) + 1 },
              ])
            }
          />
        ) : view.name === 'linked' ? (
          <LinkedEditor
            key={`${view.type}-${view.id ?? 'new'}-${view.saved ?? 0}`}
            type={view.type}
            id={view.id}
            personId={view.personId}
            savedNow={view.saved !== undefined}
            onHistory={history}
            onBack={back}
            onSaved={(id) =>
              setStack((current) => [
                ...current.slice(0, -1),
                { ...view, id, saved: (view.saved ?? 0) + 1 },
              ])
            }
          />
        ) : view.name === 'history' ? (
          <HistoryView id={view.id} onBack={back} />
        ) : view.name === 'conflicts' ? (
          <ConflictsScreen onHistory={history} />
        ) : (
          <ViolationForm onOpen={openPerson} />
        )}
      </div>
    </div>
  );
}
