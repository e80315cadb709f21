import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CasebookError } from '../../../shared/errors';
import type { EvidenceFile } from '../../../shared/ipc/attachments';
import { partsOfDate } from '../forms/fuzzyDateParts';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { AttachForm, type Attached } from './AttachForm';
import { CustodyView } from './CustodyView';
import { FilePreview } from './FilePreview';
import { ImageExport } from './ImageExport';
import { SaveCopy } from './SaveCopy';
import { VerifyAll } from './VerifyAll';
import { formatInstant, formatSize, isExportableImage, shortHash } from './fileFacts';
import { revokeAllEvidenceUrls } from './objectUrls';
import './attachments.css';

type View = 'preview' | 'custody' | 'saveCopy' | 'export';
type Notice =
  | { kind: 'attached'; name: string; duplicates: number }
  | { kind: 'saved'; fileName: string }
  | { kind: 'copied' }
  | { kind: 'copyFailed' };

const viewHeading = {
  preview: 'attachments.previewHeading',
  custody: 'attachments.custodyHeading',
  saveCopy: 'attachments.saveCopy',
  export: 'attachments.exportHeading',
} as const satisfies Record<View, string>;

/** A fuzzy date as it was entered: "2024-05", "~2024". */
function dateText(date: EvidenceFile['acquisition']['obtainedOn']): string {
  if (!date) return '';
  const parts = partsOfDate(date);
  if (parts.precision === 'range' && 'from' in date) return `${date.from ?? ''} – ${date.to ?? ''}`;
  return `${parts.approximate ? '~' : ''}${'date' in date ? date.date : ''}`;
}

/**
 * The "Evidence files" panel of a record's editor: the record's files with their facts and
 * hash, attach (open dialog, acquisition facts, progress), preview in memory, custody log,
 * save a copy, export an image for a report, and verify every file of the vault.
 *
 * Decrypted previews are blob URLs (objectUrls.ts): each is revoked when its view closes, and
 * all of them when the vault locks or this panel goes (a lock unmounts the whole session).
 */
export function EvidenceFiles({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [files, setFiles] = useState<EvidenceFile[] | null>(null);
  const [error, setError] = useState<CasebookError | null>(null);
  const [choosing, setChoosing] = useState<{ file: string; name: string } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [open, setOpen] = useState<{ fileId: string; view: View } | null>(null);
  const openers = useRef(new Map<string, HTMLButtonElement | null>());
  const viewHeadingRef = useRef<HTMLHeadingElement>(null);
  const attachButton = useRef<HTMLButtonElement>(null);

  const reload = useCallback(async () => {
    const result = await api().attachments.list({ recordId });
    if (result.ok) setFiles(result.value.files);
    else setError(result.error);
  }, [recordId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    const off = api().on('vault.locked', () => revokeAllEvidenceUrls());
    return () => {
      off();
      revokeAllEvidenceUrls();
    };
  }, []);

  useEffect(() => {
    if (open) viewHeadingRef.current?.focus();
  }, [open]);

  const choose = async () => {
    setNotice(null);
    setError(null);
    const result = await api().attachments.chooseFile();
    if (!result.ok) setError(result.error);
    else if (result.value.file && result.value.name) {
      setChoosing({ file: result.value.file, name: result.value.name });
    }
  };

  const attached = (done: Attached) => {
    setChoosing(null);
    setNotice({ kind: 'attached', ...done });
    void reload();
    attachButton.current?.focus();
  };

  const close = () => {
    if (!open) return;
    const opener = openers.current.get(`${open.fileId}-${open.view}`);
    setOpen(null);
    opener?.focus();
  };

  const saved = (fileName: string) => {
    setNotice({ kind: 'saved', fileName });
  };

  const copyHash = async (sha256: string) => {
    try {
      await navigator.clipboard.writeText(sha256);
      setNotice({ kind: 'copied' });
    } catch {
      setNotice({ kind: 'copyFailed' });
    }
  };

  const opener = (file: EvidenceFile, view: View, label: string) => (
    <button
      type="button"
      className="button"
      aria-expanded={open?.fileId === file.fileId && open.view === view}
      ref={(element) => {
        openers.current.set(`${file.fileId}-${view}`, element);
      }}
      onClick={() => {
        setNotice(null);
        setOpen(
          open?.fileId === file.fileId && open.view === view ? null : { fileId: file.fileId, view },
        );
      }}
    >
      {label}
    </button>
  );

  return (
    <section
      className="evidence-files"
      aria-labelledby={`${id}-heading`}
      // Inside a record's editor form: Enter in a field here must not save the record.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
          event.preventDefault();
        }
      }}
    >
      <h2 id={`${id}-heading`}>{t('attachments.heading')}</h2>
      <p className="hint">{t('attachments.intro')}</p>
      <div className="toolbar">
        <button ref={attachButton} type="button" className="button" onClick={() => void choose()}>
          {t('attachments.attach')}
        </button>
        <VerifyAll />
      </div>
      <ErrorMessage error={error} />
      <div aria-live="polite">
        {notice?.kind === 'attached' ? (
          <p className="message" dir="auto">
            {t('attachments.attached', { name: notice.name })}
          </p>
        ) : null}
        {notice?.kind === 'saved' ? (
          <p className="message" dir="auto">
            {t('attachments.saved', { name: notice.fileName })}
          </p>
        ) : null}
        {notice?.kind === 'copied' ? <p className="message">{t('attachments.copied')}</p> : null}
        {notice?.kind === 'copyFailed' ? (
          <p className="message message-warning">{t('attachments.copyFailed')}</p>
        ) : null}
      </div>
      {notice?.kind === 'attached' && notice.duplicates > 0 ? (
        <p className="message message-warning" role="alert">
          {t('attachments.duplicateAtIntake', { count: notice.duplicates })}
        </p>
      ) : null}
      {choosing ? (
        <AttachForm
          recordId={recordId}
          file={choosing.file}
          name={choosing.name}
          onDone={attached}
          onCancel={() => {
            setChoosing(null);
            attachButton.current?.focus();
          }}
        />
      ) : null}
      {files === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : files.length === 0 ? (
        <p>{t('attachments.none')}</p>
      ) : (
        <ul className="evidence-list" aria-label={t('attachments.listLabel')}>
          {files.map((file) => {
            const { acquisition } = file;
            const shown = open?.fileId === file.fileId ? open.view : null;
            return (
              <li key={file.fileId} className="evidence-file">
                <h3 dir="auto">{file.name}</h3>
                <dl className="evidence-facts">
                  <dt>{t('attachments.type')}</dt>
                  <dd>{file.mediaType}</dd>
                  <dt>{t('attachments.size')}</dt>
                  <dd>{formatSize(t, file.size)}</dd>
                  <dt>{t('attachments.added')}</dt>
                  <dd>{formatInstant(file.addedAt)}</dd>
                  <dt>{t('attachments.obtainedBy')}</dt>
                  <dd dir="auto">{acquisition.obtainedBy ?? t('attachments.notRecorded')}</dd>
                  <dt>{t('attachments.obtainedOn')}</dt>
                  <dd>{dateText(acquisition.obtainedOn) || t('attachments.notRecorded')}</dd>
                  <dt>{t('attachments.method')}</dt>
                  <dd dir="auto">{acquisition.method ?? t('attachments.notRecorded')}</dd>
                  <dt>{t('attachments.from')}</dt>
                  <dd dir="auto">{acquisition.from ?? t('attachments.notRecorded')}</dd>
                  <dt>{t('attachments.sha256')}</dt>
                  <dd>
                    <code title={file.sha256}>{shortHash(file.sha256)}</code>{' '}
                    <button
                      type="button"
                      className="button"
                      onClick={() => void copyHash(file.sha256)}
                    >
                      {t('attachments.copyHash', { name: file.name })}
                    </button>
                  </dd>
                </dl>
                {file.duplicates.length > 0 ? (
                  <ul className="message message-warning evidence-duplicates">
                    {file.duplicates.map((duplicate) => (
                      <li key={duplicate.fileId}>
                        {t('attachments.duplicateOf', { recordId: duplicate.recordId })}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <div
                  className="actions"
                  role="group"
                  aria-label={t('attachments.actionsFor', { name: file.name })}
                >
                  {opener(file, 'preview', t('attachments.preview'))}
                  {opener(file, 'custody', t('attachments.custody'))}
                  {opener(file, 'saveCopy', t('attachments.saveCopy'))}
                  {isExportableImage(file.mediaType)
                    ? opener(file, 'export', t('attachments.exportImage'))
                    : null}
                </div>
                {shown ? (
                  <section className="evidence-view" aria-labelledby={`${id}-${file.fileId}-view`}>
                    <h4
                      id={`${id}-${file.fileId}-view`}
                      ref={viewHeadingRef}
                      tabIndex={-1}
                      dir="auto"
                    >
                      {t(viewHeading[shown], { name: file.name })}
                    </h4>
                    {shown === 'preview' ? <FilePreview file={file} /> : null}
                    {shown === 'custody' ? <CustodyView file={file} /> : null}
                    {shown === 'saveCopy' ? <SaveCopy file={file} onSaved={saved} /> : null}
                    {shown === 'export' ? <ImageExport file={file} onSaved={saved} /> : null}
                    <div className="actions">
                      <button type="button" className="button" onClick={close}>
                        {t('attachments.close')}
                      </button>
                    </div>
                  </section>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
