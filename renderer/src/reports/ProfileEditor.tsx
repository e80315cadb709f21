import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import { sensitivityClasses, type Sensitivity } from '../../../shared/model/sensitivity';
import { consentUses, type ConsentUse } from '../../../shared/model/testimony';
import {
  dateGranularities,
  treatments,
  type DateGranularity,
  type Treatment,
} from '../../../shared/redaction/treatment';
import type { ExportProfile } from '../../../shared/redaction';
import { defaultExportProfiles } from '../../../shared/redaction/profile';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { profileLabel } from './profileLabel';

interface Profiles {
  profiles: ExportProfile[];
  edited: string[];
}

const idPattern = /^[a-z][a-z0-9-]{0,40}$/;
const isShipped = (id: string) => defaultExportProfiles.some((profile) => profile.id === id);

/**
 * The organisation's export profiles: per sensitivity class what a report does with it, the
 * consent use a report under the profile is, how coarse a coarsened date is. Saved in the vault
 * (sealed), where reports in the app and on the command line find them; a shipped profile can
 * be reset, an own one deleted. Rules for single fields are kept as they are.
 */
export function ProfileEditor({
  profiles,
  edited,
  initial,
  onChanged,
  onBack,
}: Profiles & {
  initial: string;
  onChanged: (next: Profiles) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const uid = useId();
  const [chosen, setChosen] = useState(
    profiles.some((profile) => profile.id === initial) ? initial : profiles[0]!.id,
  );
  const stored = profiles.find((profile) => profile.id === chosen) ?? profiles[0]!;
  const [draft, setDraft] = useState<ExportProfile>(stored);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);

  const choose = (id: string, from: Profiles = { profiles, edited }) => {
    setChosen(id);
    setDraft(from.profiles.find((profile) => profile.id === id) ?? from.profiles[0]!);
  };
  const answered = (
    result: Awaited<ReturnType<ReturnType<typeof api>['reports']['profiles']>>,
    message: string,
    next: string,
  ) => {
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const value = result.value as Profiles;
    onChanged(value);
    choose(value.profiles.some((profile) => profile.id === next) ? next : 'public', value);
    setNotice(message);
  };
  const reset = () => {
    setNotice(null);
    setProblem(null);
    setError(null);
  };

  const save = async () => {
    reset();
    answered(
      await api().reports.saveProfile({ profile: draft }),
      t('reports.profiles.saved'),
      draft.id,
    );
  };
  const resetProfile = async () => {
    reset();
    const shipped = isShipped(draft.id);
    answered(
      await api().reports.resetProfile({ id: draft.id }),
      t(shipped ? 'reports.profiles.resetDone' : 'reports.profiles.deleted'),
      shipped ? draft.id : 'public',
    );
  };
  const create = async () => {
    reset();
    const id = newId.trim();
    if (!idPattern.test(id)) return setProblem(t('reports.profiles.badId'));
    if (profiles.some((profile) => profile.id === id))
      return setProblem(t('reports.profiles.idTaken'));
    if (newName.trim() === '') return setProblem(t('reports.profiles.needsName'));
    const profile: ExportProfile = { ...draft, id, labels: { en: newName.trim() } };
    answered(await api().reports.saveProfile({ profile }), t('reports.profiles.saved'), id);
    setNewId('');
    setNewName('');
  };

  const setClass = (sensitivity: Sensitivity, treatment: Treatment) =>
    setDraft((current) => ({
      ...current,
      classes: { ...current.classes, [sensitivity]: treatment },
    }));
  const overrides = Object.keys(draft.fields ?? {}).length;

  return (
    <div className="screen profile-editor">
      <h1>{t('reports.profiles.title')}</h1>
      <p className="hint">{t('reports.profiles.intro')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onBack}>
          {t('reports.profiles.back')}
        </button>
      </div>
      <div className="panel">
        <div className="field">
          <label htmlFor={`${uid}-profile`}>{t('reports.profiles.choose')}</label>
          <select
            id={`${uid}-profile`}
            value={chosen}
            onChange={(event) => choose(event.target.value)}
          >
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profileLabel(profile, i18n.language)}
                {edited.includes(profile.id) ? ` ${t('reports.profiles.edited')}` : ''}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field-group">
          <legend>{t('reports.profiles.classes')}</legend>
          <div className="form-grid">
            {sensitivityClasses.map((sensitivity) => (
              <div className="field" key={sensitivity}>
                <label htmlFor={`${uid}-class-${sensitivity}`}>
                  {t(`reports.profiles.classNames.${sensitivity}`)}
                </label>
                <select
                  id={`${uid}-class-${sensitivity}`}
                  value={draft.classes[sensitivity]}
                  onChange={(event) => setClass(sensitivity, event.target.value as Treatment)}
                >
                  {treatments.map((treatment) => (
                    <option key={treatment} value={treatment}>
                      {t(`reports.profiles.treatments.${treatment}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${uid}-use`}>{t('reports.profiles.use')}</label>
            <select
              id={`${uid}-use`}
              value={draft.use}
              onChange={(event) =>
                setDraft((current) => ({ ...current, use: event.target.value as ConsentUse }))
              }
            >
              {consentUses.map((use) => (
                <option key={use} value={use}>
                  {t(`values.${use}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-coarse`}>{t('reports.profiles.coarseDates')}</label>
            <select
              id={`${uid}-coarse`}
              value={draft.coarseDates}
              onChange={(event) =>
                setDraft((current) => ({
                  ...current,
                  coarseDates: event.target.value as DateGranularity,
                }))
              }
            >
              {dateGranularities.map((granularity) => (
                <option key={granularity} value={granularity}>
                  {t(`reports.profiles.coarse.${granularity}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {overrides > 0 ? (
          <p className="hint">{t('reports.profiles.overrides', { total: overrides })}</p>
        ) : null}
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => void save()}>
            {t('reports.profiles.save')}
          </button>
          {edited.includes(draft.id) ? (
            <button type="button" className="button" onClick={() => void resetProfile()}>
              {t(isShipped(draft.id) ? 'reports.profiles.reset' : 'reports.profiles.deleteOwn')}
            </button>
          ) : null}
        </div>
      </div>
      <fieldset className="panel">
        <legend>{t('reports.profiles.newTitle')}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${uid}-new-id`}>{t('reports.profiles.newId')}</label>
            <input
              id={`${uid}-new-id`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={newId}
              onChange={(event) => setNewId(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-new-name`}>{t('reports.profiles.newName')}</label>
            <input
              id={`${uid}-new-name`}
              type="text"
              autoComplete="off"
              dir="auto"
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
            />
          </div>
        </div>
        <div className="actions">
          <button type="button" className="button" onClick={() => void create()}>
            {t('reports.profiles.create')}
          </button>
        </div>
      </fieldset>
      {problem ? (
        <p className="message message-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ErrorMessage error={error} />
      {notice ? (
        <p className="message message-info" role="status">
          {notice}
        </p>
      ) : null}
    </div>
  );
}
