import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { RecordRevisionValue } from '../../../shared/ipc/contract';
import {
  closedVocabularyNames,
  parseRecord,
  termIdPattern,
  vocabularyRecordId,
  type TermLabels,
  type VocabularyTerm,
} from '../../../shared/model';
import type { JsonObject } from '../../../shared/records';
import { termLabel } from '../../../shared/vocabularies';
import { api } from '../api';
import { EditorFrame } from '../components/EditorFrame';
import { describedBy, FieldError, fieldErrorKey } from '../components/FieldError';
import { currentLanguage } from '../i18n';
import { LoadedRecord } from '../records/useDraftForm';
import { vocabulariesChanged } from '../vocabularies';

const labelLanguages = ['en', 'be', 'ru', 'uk'] as const;
type LabelLanguage = (typeof labelLanguages)[number];

interface TermDraft {
  readonly id: string;
  readonly labels: Record<LabelLanguage, string>;
  readonly parent: string;
  readonly retired: boolean;
  /** Added in this editor and not saved yet. */
  readonly added: boolean;
}

const termDraftOf = (term: VocabularyTerm): TermDraft => ({
  id: term.id,
  labels: {
    en: term.labels.en,
    be: term.labels.be ?? '',
    ru: term.labels.ru ?? '',
    uk: term.labels.uk ?? '',
  },
  parent: term.parent ?? '',
  retired: term.retired === true,
  added: false,
});

function termOf(draft: TermDraft): VocabularyTerm {
  const labels: Partial<Record<LabelLanguage, string>> = {};
  for (const language of labelLanguages) {
    const label = draft.labels[language].trim();
    if (label !== '' || language === 'en') labels[language] = label;
  }
  return {
    id: draft.id,
    labels: labels as TermLabels,
    ...(draft.parent ? { parent: draft.parent } : {}),
    ...(draft.retired ? { retired: true as const } : {}),
  };
}

/** Model paths of a vocabulary (`terms[3].labels.en`) as the editor's cells (`3.en`). */
function cellOf(path: string): string {
  const match = /^terms\[(\d+)\](?:\.labels\.(en|be|ru|uk)|\.(id))?/.exec(path);
  if (!match) return 'root';
  return `${match[1]}.${match[2] ?? match[3] ?? 'en'}`;
}

const emptyNew = { id: '', en: '', be: '', ru: '', uk: '', parent: '' };

/**
 * One vocabulary's terms with their labels in four languages: labels can be changed, terms
 * added (to the vocabularies the organisation may extend) and retired. A term is never removed:
 * records that use it keep a label, and a retired term is no longer offered for new ones.
 */
export function VocabularyEditor({
  name,
  onHistory,
  onBack,
}: {
  name: string;
  onHistory: (id: string) => void;
  onBack: () => void;
}) {
  const [saved, setSaved] = useState(0);
  return (
    <LoadedRecord key={saved} id={vocabularyRecordId(name)}>
      {(record) =>
        record?.body ? (
          <VocabularyForm
            name={name}
            record={record}
            savedNow={saved > 0}
            onHistory={onHistory}
            onBack={onBack}
            onSaved={() => setSaved((count) => count + 1)}
          />
        ) : null
      }
    </LoadedRecord>
  );
}

function VocabularyForm({
  name,
  record,
  savedNow,
  onHistory,
  onBack,
  onSaved,
}: {
  name: string;
  record: RecordRevisionValue;
  savedNow: boolean;
  onHistory: (id: string) => void;
  onBack: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const fixed = (closedVocabularyNames as readonly string[]).includes(name);
  const body = record.body ?? {};
  const [terms, setTerms] = useState<readonly TermDraft[]>(() =>
    (Array.isArray(body.terms) ? (body.terms as unknown as VocabularyTerm[]) : []).map(termDraftOf),
  );
  const [filter, setFilter] = useState('');
  const [fresh, setFresh] = useState(emptyNew);
  const [freshProblem, setFreshProblem] = useState<{ field: string; key: string } | null>(null);
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<CasebookError | null>(null);
  const [saving, setSaving] = useState(false);
  // "Saved" stays until the next change, as in the other editors.
  const [saved, setSaved] = useState(savedNow);
  const language = currentLanguage();

  const change = (index: number, next: Partial<TermDraft>) => {
    setSaved(false);
    setTerms((current) => current.map((term, at) => (at === index ? { ...term, ...next } : term)));
  };
  const label = (term: TermDraft) => term.labels[language] || term.labels.en || term.id;
  const parents = terms.filter((term) => !term.retired);

  const add = () => {
    const id = fresh.id.trim();
    const problem = !termIdPattern.test(id)
      ? { field: 'id', key: 'vocabularies.errors.id' }
      : terms.some((term) => term.id === id)
        ? { field: 'id', key: 'vocabularies.errors.idTaken' }
        : fresh.en.trim() === ''
          ? { field: 'en', key: 'vocabularies.errors.english' }
          : null;
    setFreshProblem(problem);
    if (problem) {
      document.getElementById(`${uid}-new-${problem.field}`)?.focus();
      return;
    }
    setSaved(false);
    setTerms((current) => [
      ...current,
      {
        id,
        labels: { en: fresh.en.trim(), be: fresh.be, ru: fresh.ru, uk: fresh.uk },
        parent: fresh.parent,
        retired: false,
        added: true,
      },
    ]);
    setFresh(emptyNew);
    document.getElementById(`${uid}-new-id`)?.focus();
  };

  const submit = async () => {
    setError(null);
    const next: JsonObject = { ...body, terms: terms.map(termOf) as unknown as JsonObject[] };
    const checked = parseRecord('vocabulary', next);
    const found = new Map<string, string>();
    const note = (errors: readonly { path: string; message: string }[]) => {
      for (const problem of errors) {
        const cell = cellOf(problem.path);
        if (!found.has(cell)) {
          found.set(
            cell,
            cell.endsWith('.en') ? 'vocabularies.errors.english' : fieldErrorKey(problem),
          );
        }
      }
    };
    if (!checked.ok) {
      note(checked.errors);
      setProblems(found);
      return;
    }
    setSaving(true);
    const result = await api().records.put({ type: 'vocabulary', id: record.id, body: next });
    setSaving(false);
    if (!result.ok) {
      note(result.error.fields ?? []);
      setProblems(found);
      setError(result.error);
      return;
    }
    setProblems(new Map());
    vocabulariesChanged();
    onSaved();
  };

  const words = filter.trim().toLocaleLowerCase(language);
  const shown = terms
    .map((term, index) => ({ term, index }))
    .filter(
      ({ term }) =>
        words === '' ||
        term.id.includes(words) ||
        Object.values(term.labels).some((text) => text.toLocaleLowerCase(language).includes(words)),
    );
  const languageName = (code: LabelLanguage) => t(`vocabularies.languages.${code}`);
  const onAddKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter in the new term's fields adds the term; it does not save the whole vocabulary.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  const freshError = (field: string) =>
    freshProblem?.field === field ? `${uid}-new-${field}-error` : null;

  return (
    <EditorFrame
      title={t('vocabularies.editTitle', {
        name: t(`vocabularies.names.${name}` as 'vocabularies.names.regions'),
      })}
      recordId={record.id}
      backLabel={t('common.backToList')}
      onBack={onBack}
      onHistory={onHistory}
      onSubmit={() => void submit()}
      saving={saving}
      saved={saved}
      error={error}
      deletable={false}
    >
      <p className="hint">{fixed ? t('vocabularies.fixedHint') : t('vocabularies.retireHint')}</p>
      <div className="field search-field" role="search">
        <label htmlFor={`${uid}-filter`}>{t('vocabularies.find')}</label>
        <input
          id={`${uid}-filter`}
          type="search"
          dir="auto"
          autoComplete="off"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <div className="table-scroll">
        <table className="term-table">
          <caption>{t('vocabularies.terms', { total: terms.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('vocabularies.term')}</th>
              {labelLanguages.map((code) => (
                <th scope="col" key={code}>
                  {languageName(code)}
                </th>
              ))}
              <th scope="col">{t('vocabularies.retired')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ term, index }) => (
              <tr key={term.id} className={term.retired ? 'retired' : undefined}>
                <th scope="row">
                  <code>{term.id}</code>
                  {term.parent ? (
                    <span className="muted" dir="auto">
                      {' '}
                      {t('vocabularies.under', {
                        parent: termLabel(
                          { name, terms: terms.map(termOf) },
                          term.parent,
                          language,
                        ),
                      })}
                    </span>
                  ) : null}
                </th>
                {labelLanguages.map((code) => {
                  const cell = `${index}.${code}`;
                  return (
                    <td key={code}>
                      <input
                        type="text"
                        dir="auto"
                        autoComplete="off"
                        lang={code}
                        id={`${uid}-${cell}`}
                        aria-label={t('vocabularies.labelOf', {
                          language: languageName(code),
                          term: term.id,
                        })}
                        aria-invalid={problems.has(cell) ? true : undefined}
                        aria-describedby={
                          describedBy(problems.has(cell) && `${uid}-${cell}-error`) || undefined
                        }
                        value={term.labels[code]}
                        onChange={(event) =>
                          change(index, { labels: { ...term.labels, [code]: event.target.value } })
                        }
                      />
                      <FieldError id={`${uid}-${cell}-error`} message={problems.get(cell)} />
                    </td>
                  );
                })}
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('vocabularies.retire', { term: label(term) })}
                    checked={term.retired}
                    disabled={term.added}
                    onChange={(event) => change(index, { retired: event.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fixed ? null : (
        <fieldset className="panel form-grid">
          <legend>{t('vocabularies.addTerm')}</legend>
          <div className="field">
            <label htmlFor={`${uid}-new-id`}>{t('vocabularies.newId')}</label>
            <input
              id={`${uid}-new-id`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={freshError('id') ? true : undefined}
              aria-describedby={describedBy(`${uid}-new-id-hint`, freshError('id'))}
              value={fresh.id}
              onChange={(event) => setFresh({ ...fresh, id: event.target.value })}
              onKeyDown={onAddKey}
            />
            <p className="hint" id={`${uid}-new-id-hint`}>
              {t('vocabularies.newIdHint')}
            </p>
            <FieldError
              id={`${uid}-new-id-error`}
              message={freshProblem?.field === 'id' ? freshProblem.key : undefined}
            />
          </div>
          {labelLanguages.map((code) => (
            <div className="field" key={code}>
              <label htmlFor={`${uid}-new-${code}`}>{languageName(code)}</label>
              <input
                id={`${uid}-new-${code}`}
                type="text"
                dir="auto"
                lang={code}
                autoComplete="off"
                aria-invalid={freshError(code) ? true : undefined}
                aria-describedby={describedBy(freshError(code)) || undefined}
                value={fresh[code]}
                onChange={(event) => setFresh({ ...fresh, [code]: event.target.value })}
                onKeyDown={onAddKey}
              />
              <FieldError
                id={`${uid}-new-${code}-error`}
                message={freshProblem?.field === code ? freshProblem.key : undefined}
              />
            </div>
          ))}
          {terms.some((term) => term.parent) ? (
            <div className="field">
              <label htmlFor={`${uid}-new-parent`}>{t('vocabularies.parent')}</label>
              <select
                id={`${uid}-new-parent`}
                value={fresh.parent}
                onChange={(event) => setFresh({ ...fresh, parent: event.target.value })}
              >
                <option value="">{t('vocabularies.noParent')}</option>
                {parents.map((term) => (
                  <option key={term.id} value={term.id}>
                    {label(term)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="actions field-wide">
            <button type="button" className="button" onClick={add}>
              {t('vocabularies.add')}
            </button>
            <p className="hint">{t('vocabularies.addHint')}</p>
          </div>
        </fieldset>
      )}
    </EditorFrame>
  );
}
