import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import {
  reportFormats,
  type ChannelInput,
  type ChannelResult,
  type ReportFormat,
} from '../../../shared/ipc/contract';
import type { ExportProfile } from '../../../shared/redaction';
import { reportKinds, type ReportKind } from '../../../shared/reports/document';
import { reportLanguages, type ReportLanguage } from '../../../shared/reports/labels';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { RecordPicker, type Picked } from '../components/RecordPicker';
import { TaskProgress, useTask } from '../tasks';
import { LeakList } from './LeakList';
import { ProfileEditor } from './ProfileEditor';
import { ReportPreviewFrame } from './ReportPreviewFrame';
import { ReportSummary } from './ReportSummary';
import { profileLabel } from './profileLabel';
import './reports.css';

type Request = ChannelInput<'reports.preview'>;
type Preview = ChannelResult<'reports.preview'>;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

interface Choices {
  kind: ReportKind;
  profile: string;
  lang: ReportLanguage;
  record: Picked | null;
  wgadOf: 'person' | 'case';
  asOf: string;
  from: string;
  to: string;
}

/** The request the choices make, or the catalog key of what is missing. */
function requestOf(choices: Choices): Request | { missing: string } {
  const base = { kind: choices.kind, profile: choices.profile, lang: choices.lang };
  if (choices.kind === 'review') {
    const [asOf, from, to] = [choices.asOf, choices.from, choices.to].map((day) => day.trim());
    // A day is needed; the period is both ends or neither.
    const period = from === '' && to === '' ? [] : [from!, to!];
    if (![asOf!, ...period].every((day) => dayPattern.test(day))) {
      return { missing: 'reports.needsDays' };
    }
    return { ...base, asOf: asOf!, ...(period.length ? { from: from!, to: to! } : {}) };
  }
  if (choices.record?.kind !== 'existing') return { missing: 'reports.needsRecord' };
  return { ...base, id: choices.record.id };
}

type Outcome =
  | { kind: 'saved'; fileName: string; pages?: number | undefined }
  | { kind: 'notSaved' }
  | { kind: 'cancelled' }
  | { kind: 'error'; error: CasebookError };

/**
 * Reports: choose what (kind, record or day), for whom (profile) and in which language; preview
 * exactly what will be exported and what the profile did; then export, with progress and
 * Cancel. The main process asks where to save, prints, checks and writes; a leak writes nothing
 * and names the fields.
 */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const task = useTask();
  const [profiles, setProfiles] = useState<{ profiles: ExportProfile[]; edited: string[] }>();
  const [editing, setEditing] = useState(false);
  const [choices, setChoices] = useState<Choices>({
    kind: 'case',
    profile: 'public',
    lang: reportLanguages.find((lang) => lang === i18n.language) ?? 'en',
    record: null,
    wgadOf: 'person',
    asOf: '',
    from: '',
    to: '',
  });
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [preview, setPreview] = useState<{ request: string; value: Preview } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    let live = true;
    void api()
      .reports.profiles()
      .then((result) => {
        if (!live) return;
        if (result.ok) setProfiles(result.value as { profiles: ExportProfile[]; edited: string[] });
        else setError(result.error);
      });
    return () => {
      live = false;
    };
  }, [editing]);

  // A profile deleted in the editor is no longer a choice.
  useEffect(() => {
    if (profiles && !profiles.profiles.some((profile) => profile.id === choices.profile)) {
      setChoices((current) => ({ ...current, profile: 'public' }));
    }
  }, [profiles, choices.profile]);

  const set = (change: Partial<Choices>) => {
    setChoices((current) => ({ ...current, ...change }));
    setOutcome(null);
  };
  const request = requestOf(choices);
  const requestKey = JSON.stringify(request);
  const stale = preview !== null && preview.request !== requestKey;

  const runPreview = async () => {
    setOutcome(null);
    setError(null);
    if ('missing' in request) {
      setMissing(request.missing);
      return;
    }
    setMissing(null);
    // The old preview goes at once: it must never pass for the new one.
    setPreview(null);
    setPreviewing(true);
    const result = await api().reports.preview(request);
    setPreviewing(false);
    if (result.ok) setPreview({ request: requestKey, value: result.value });
    else {
      setPreview(null);
      setError(result.error);
    }
  };

  const runExport = async () => {
    setOutcome(null);
    setError(null);
    if ('missing' in request) {
      setMissing(request.missing);
      return;
    }
    setMissing(null);
    const result = await task.run((taskId) => api().reports.export({ ...request, format, taskId }));
    if (result.ok) {
      setOutcome(
        result.value.saved
          ? { kind: 'saved', fileName: result.value.fileName ?? '', pages: result.value.pages }
          : { kind: 'notSaved' },
      );
    } else if (result.error.code === 'cancelled') setOutcome({ kind: 'cancelled' });
    else setOutcome({ kind: 'error', error: result.error });
  };

  if (editing && profiles) {
    return (
      <ProfileEditor
        profiles={profiles.profiles}
        edited={profiles.edited}
        initial={choices.profile}
        onChanged={(next) => setProfiles(next)}
        onBack={() => setEditing(false)}
      />
    );
  }

  const pickerType =
    choices.kind === 'case' || (choices.kind === 'wgad' && choices.wgadOf === 'case')
      ? 'case'
      : 'person';

  return (
    <div className="screen reports-screen">
      <h1>{t('reports.title')}</h1>
      <p className="hint">{t('reports.intro')}</p>
      <form
        className="panel"
        aria-labelledby={`${uid}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          void runPreview();
        }}
      >
        <h2 id={`${uid}-title`} className="visually-hidden">
          {t('reports.title')}
        </h2>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${uid}-kind`}>{t('reports.kind')}</label>
            <select
              id={`${uid}-kind`}
              value={choices.kind}
              onChange={(event) => set({ kind: event.target.value as ReportKind, record: null })}
            >
              {reportKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`reports.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-profile`}>{t('reports.profile')}</label>
            <select
              id={`${uid}-profile`}
              value={choices.profile}
              onChange={(event) => set({ profile: event.target.value })}
            >
              {(profiles?.profiles ?? []).map((profile) => (
                <option key={profile.id} value={profile.id}>
                  {profileLabel(profile, i18n.language)}
                  {profiles?.edited.includes(profile.id) ? ` ${t('reports.profiles.edited')}` : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-lang`}>{t('reports.language')}</label>
            <select
              id={`${uid}-lang`}
              value={choices.lang}
              onChange={(event) => set({ lang: event.target.value as ReportLanguage })}
            >
              {reportLanguages.map((lang) => (
                <option key={lang} value={lang}>
                  {t(`reports.languages.${lang}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {choices.kind === 'wgad' ? (
          <fieldset className="field-group">
            <legend>{t('reports.wgadOf')}</legend>
            {(['person', 'case'] as const).map((of) => (
              <div className="field-check" key={of}>
                <input
                  id={`${uid}-wgad-${of}`}
                  type="radio"
                  name={`${uid}-wgad`}
                  checked={choices.wgadOf === of}
                  onChange={() => set({ wgadOf: of, record: null })}
                />
                <label htmlFor={`${uid}-wgad-${of}`}>
                  {t(of === 'person' ? 'reports.wgadPerson' : 'reports.wgadCase')}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {choices.kind === 'review' ? (
          <div className="form-grid">
            {(['asOf', 'from', 'to'] as const).map((day) => (
              <div className="field" key={day}>
                <label htmlFor={`${uid}-${day}`}>{t(`reports.${day}`)}</label>
                <input
                  id={`${uid}-${day}`}
                  type="text"
                  inputMode="numeric"
                  placeholder="2024-03-04"
                  autoComplete="off"
                  aria-describedby={`${uid}-day-hint`}
                  value={choices[day]}
                  onChange={(event) => set({ [day]: event.target.value })}
                />
              </div>
            ))}
            <p className="hint" id={`${uid}-day-hint`}>
              {t('reports.dayHint')}
            </p>
          </div>
        ) : (
          <RecordPicker
            key={pickerType}
            label={t(pickerType === 'case' ? 'reports.case' : 'reports.person')}
            type={pickerType}
            value={choices.record}
            onChange={(record) => set({ record })}
          />
        )}
        {missing ? (
          <p className="message message-error" role="alert">
            {t(missing as 'reports.needsRecord')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={previewing}>
            {t('reports.preview')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              // Profiles may change there: a preview made before would no longer be exact.
              setPreview(null);
              setEditing(true);
            }}
            disabled={!profiles}
          >
            {t('reports.editProfiles')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {previewing ? (
        <p className="status" role="status">
          {t('reports.previewing')}
        </p>
      ) : null}
      {preview ? (
        <section className="report-preview-section" aria-labelledby={`${uid}-preview`}>
          <h2 id={`${uid}-preview`}>{t('reports.previewTitle')}</h2>
          {stale ? (
            <p className="message message-warning" role="status">
              {t('reports.stale')}
            </p>
          ) : null}
          <ReportSummary summary={preview.value.summary} unreadable={preview.value.unreadable} />
          <div className="panel report-export">
            <div className="field">
              <label htmlFor={`${uid}-format`}>{t('reports.format')}</label>
              <select
                id={`${uid}-format`}
                value={format}
                onChange={(event) => setFormat(event.target.value as ReportFormat)}
              >
                {reportFormats.map((value) => (
                  <option key={value} value={value}>
                    {value.toUpperCase()}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => void runExport()}
                disabled={task.running || stale}
              >
                {t('reports.export')}
              </button>
            </div>
            <TaskProgress task={task} />
            <ExportOutcome outcome={outcome} />
          </div>
          <ReportPreviewFrame html={preview.value.html} />
        </section>
      ) : null}
    </div>
  );
}

function ExportOutcome({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'saved':
      return (
        <p className="message message-info" role="status">
          {outcome.pages === undefined
            ? t('reports.saved', { fileName: outcome.fileName })
            : t('reports.savedPages', { fileName: outcome.fileName, pages: outcome.pages })}
        </p>
      );
    case 'notSaved':
      return (
        <p className="message message-info" role="status">
          {t('reports.notSaved')}
        </p>
      );
    case 'cancelled':
      return (
        <p className="message message-info" role="status">
          {t('reports.cancelled')}
        </p>
      );
    case 'error':
      return outcome.error.code === 'report_leak' ? (
        <LeakList error={outcome.error} />
      ) : (
        <ErrorMessage error={outcome.error} />
      );
  }
}
