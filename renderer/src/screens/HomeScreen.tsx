import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';

import { CaseEditor } from './CaseEditor';
import { CasesScreen } from './CasesScreen';
import { DetentionsScreen } from './DetentionsScreen';
import { HistoryView } from './HistoryView';
import { LinkedEditor } from './LinkedEditor';
import type { LinkedType } from './PersonRecords';
import { PeopleScreen } from './PeopleScreen';
import { PersonEditor } from './PersonEditor';
import { ProceedingsScreen } from './ProceedingsScreen';
import { SourceEditor } from './SourceEditor';
import { SourcesScreen } from './SourcesScreen';
import { TestimoniesScreen } from './TestimoniesScreen';
import { VocabulariesScreen } from './VocabulariesScreen';
import { VocabularyEditor } from './VocabularyEditor';
import { ViolationForm } from './ViolationForm';
import { ConflictBadge } from '../conflicts/conflictCount';
import { ConflictsScreen } from '../conflicts/ConflictsScreen';
import { ImportScreen } from '../import/ImportScreen';
import { ReportsScreen } from '../reports';

/** A record opened from a section; `saved` counts saves, so the editor reloads what it wrote. */
type View =
  | { readonly name: 'section'; readonly section: string }
  | { readonly name: 'person'; readonly id: string | null }
  | { readonly name: 'case'; readonly id: string | null; readonly saved?: number }
  | { readonly name: 'history'; readonly id: string }
  /** A detention, trial or testimony, as from the page of `personId`. */
  | {
      readonly name: 'linked';
      readonly type: LinkedType;
      readonly id: string | null;
      readonly personId: string;
      readonly saved?: number;
    }
  | { readonly name: 'source'; readonly id: string | null; readonly saved?: number }
  | { readonly name: 'vocabulary'; readonly vocabulary: string };

/** How a section's screen opens records: each pushes an editor, so Back returns here. */
export interface SectionNavigation {
  readonly folder: string;
  readonly openPerson: (id: string | null) => void;
  readonly openCase: (id: string | null) => void;
  readonly openLinked: (type: LinkedType, id: string | null, personId: string) => void;
  readonly openSource: (id: string | null) => void;
  readonly openVocabulary: (name: string) => void;
  readonly history: (id: string) => void;
  /** Moves to another section (after an import with conflicts, to Conflicts). */
  readonly showSection: (id: string) => void;
}

const groups = ['records', 'entry', 'vault'] as const;

interface SectionEntry {
  readonly id: string;
  readonly group: (typeof groups)[number];
  readonly label: ParseKeys;
  /** Alt+<key> moves here from anywhere. Kept stable: people learn them. */
  readonly key?: string;
  readonly render: (nav: SectionNavigation) => ReactNode;
  /** Shown after the label (a count that wants attention). */
  readonly badge?: () => ReactNode;
}

/**
 * The sections on the side, in groups. Adding one is one entry here; its screen gets the
 * navigation and opens records through it.
 */
const sections: readonly SectionEntry[] = [
  {
    id: 'people',
    group: 'records',
    label: 'people.title',
    key: '1',
    render: (nav) => (
      <PeopleScreen
        folder={nav.folder}
        onOpen={nav.openPerson}
        onNew={() => nav.openPerson(null)}
      />
    ),
  },
  {
    id: 'cases',
    group: 'records',
    label: 'cases.title',
    key: '2',
    render: (nav) => <CasesScreen onOpen={nav.openCase} onNew={() => nav.openCase(null)} />,
  },
  {
    id: 'detentions',
    group: 'records',
    label: 'lists.detentions.title',
    key: '5',
    render: (nav) => (
      <DetentionsScreen onOpen={(id, personId) => nav.openLinked('detention', id, personId)} />
    ),
  },
  {
    id: 'proceedings',
    group: 'records',
    label: 'lists.proceedings.title',
    key: '6',
    render: (nav) => (
      <ProceedingsScreen onOpen={(id, personId) => nav.openLinked('proceeding', id, personId)} />
    ),
  },
  {
    id: 'testimonies',
    group: 'records',
    label: 'lists.testimonies.title',
    key: '7',
    render: (nav) => (
      <TestimoniesScreen onOpen={(id, personId) => nav.openLinked('testimony', id, personId)} />
    ),
  },
  {
    id: 'sources',
    group: 'records',
    label: 'sources.title',
    key: '8',
    render: (nav) => <SourcesScreen onOpen={nav.openSource} onNew={() => nav.openSource(null)} />,
  },
  {
    id: 'violation',
    group: 'entry',
    label: 'violation.title',
    key: '3',
    render: (nav) => <ViolationForm onOpen={nav.openPerson} />,
  },
  {
    id: 'vocabularies',
    group: 'vault',
    label: 'vocabularies.title',
    key: '9',
    render: (nav) => <VocabulariesScreen onOpen={nav.openVocabulary} />,
  },
  {
    id: 'reports',
    group: 'vault',
    label: 'reports.title',
    render: () => <ReportsScreen />,
  },
  {
    id: 'import',
    group: 'vault',
    label: 'importer.title',
    key: '0',
    render: (nav) => <ImportScreen onOpenConflicts={() => nav.showSection('conflicts')} />,
  },
  {
    id: 'conflicts',
    group: 'vault',
    label: 'conflicts.title',
    key: '4',
    render: (nav) => <ConflictsScreen onHistory={nav.history} />,
    badge: () => <ConflictBadge />,
  },
];

/** The section an editor belongs to; history and linked records stay where they were opened. */
function sectionOf(view: View, previous: string): string {
  switch (view.name) {
    case 'section':
      return view.section;
    case 'person':
      return 'people';
    case 'case':
      return 'cases';
    case 'source':
      return 'sources';
    case 'vocabulary':
      return 'vocabularies';
    default:
      return previous;
  }
}

/**
 * The unlocked vault: sections on the side (Alt and a digit), the current one beside them.
 * Opening a record from another (a person from a case) stacks it, so "Back" returns to where
 * the user came from.
 */
export function HomeScreen({ folder }: { folder: string }) {
  const { t } = useTranslation();
  const first: View = { name: 'section', section: 'people' };
  const [stack, setStack] = useState<readonly View[]>([first]);
  const [section, setSection] = useState('people');
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
      show({ name: 'section', section });
      return;
    }
    setSection((current) => sectionOf(previous, current));
    setStack(rest);
  };
  /** Replaces the editor on top by the revision it just saved. */
  const saved = (next: View) => setStack((current) => [...current.slice(0, -1), next]);
  const nav: SectionNavigation = {
    folder,
    openPerson: (id) => push({ name: 'person', id }),
    openCase: (id) => push({ name: 'case', id }),
    openLinked: (type, id, personId) => push({ name: 'linked', type, id, personId }),
    openSource: (id) => push({ name: 'source', id }),
    openVocabulary: (vocabulary) => push({ name: 'vocabulary', vocabulary }),
    history: (id) => push({ name: 'history', id }),
    showSection: (id) => show({ name: 'section', section: id }),
  };
  const cameFrom = stack[stack.length - 2];
  const backLabel =
    cameFrom === undefined || cameFrom.name === 'section'
      ? t('common.backToList')
      : t('common.back');

  // Alt+digit moves between the sections from anywhere (accesskey differs by browser and OS).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const digit = /^Digit(\d)$/.exec(event.code)?.[1];
      const target = sections.find((entry) => entry.key !== undefined && entry.key === digit);
      if (!target) return;
      event.preventDefault();
      setSection(target.id);
      setStack([{ name: 'section', section: target.id }]);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="screen screen-home">
      <nav className="sections" aria-label={t('home.sections')}>
        {groups.map((group) => (
          <div key={group} className="section-group">
            <p className="section-group-label" id={`section-group-${group}`}>
              {t(`navigation.groups.${group}`)}
            </p>
            <ul aria-labelledby={`section-group-${group}`}>
              {sections
                .filter((entry) => entry.group === group)
                .map((entry) => (
                  <li key={entry.id}>
                    <button
                      type="button"
                      className="section-link"
                      aria-keyshortcuts={entry.key ? `Alt+${entry.key}` : undefined}
                      aria-current={section === entry.id ? 'page' : undefined}
                      onClick={() => show({ name: 'section', section: entry.id })}
                    >
                      {t(entry.label) as string}
                      {entry.badge?.()}
                      {entry.key ? (
                        <span className="section-key" aria-hidden="true">
                          Alt+{entry.key}
                        </span>
                      ) : null}
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <p className="hint">{t('navigation.keys')}</p>
      </nav>
      <div className="section-body">
        {view.name === 'section' ? (
          (sections.find((entry) => entry.id === view.section) ?? sections[0]!).render(nav)
        ) : view.name === 'person' ? (
          <PersonEditor
            key={view.id ?? 'new'}
            id={view.id}
            onOpen={nav.openPerson}
            onOpenLinked={nav.openLinked}
            onHistory={nav.history}
            onClose={back}
            backLabel={backLabel}
          />
        ) : view.name === 'case' ? (
          <CaseEditor
            key={`${view.id ?? 'new'}-${view.saved ?? 0}`}
            id={view.id}
            savedNow={view.saved !== undefined}
            onOpenPerson={nav.openPerson}
            onHistory={nav.history}
            onBack={back}
            onSaved={(id) => saved({ name: 'case', id, saved: (view.saved ?? 0) + 1 })}
          />
        ) : view.name === 'linked' ? (
          <LinkedEditor
            key={`${view.type}-${view.id ?? 'new'}-${view.saved ?? 0}`}
            type={view.type}
            id={view.id}
            personId={view.personId}
            savedNow={view.saved !== undefined}
            onHistory={nav.history}
            onBack={back}
            onSaved={(id) => saved({ ...view, id, saved: (view.saved ?? 0) + 1 })}
          />
        ) : view.name === 'source' ? (
          <SourceEditor
            key={`${view.id ?? 'new'}-${view.saved ?? 0}`}
            id={view.id}
            savedNow={view.saved !== undefined}
            onHistory={nav.history}
            onBack={back}
            onSaved={(id) => saved({ name: 'source', id, saved: (view.saved ?? 0) + 1 })}
          />
        ) : view.name === 'vocabulary' ? (
          <VocabularyEditor name={view.vocabulary} onHistory={nav.history} onBack={back} />
        ) : (
          <HistoryView id={view.id} onBack={back} />
        )}
      </div>
    </div>
  );
}
