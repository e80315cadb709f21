import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { BlackOutRegionValue as Region, EvidenceFile } from '../../../shared/ipc/attachments';
import { api } from '../api';
import { centredRegion, regionAfterKey, regionBetween, type ImageSize } from './blackOutRegions';
import { SaveThroughDialog } from './SaveThroughDialog';
import { useDecryptedFile } from './useDecryptedFile';

const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;

/**
 * "Export for a report": the regions to black out drawn over the image with the mouse, or
 * added and moved with the keyboard, listed with their coordinates; then the image is cleaned
 * in the vault's worker (db/images) and saved where the user chooses, with a custody entry.
 * The boxes here are only the plan: the exported pixels are replaced, not covered.
 */
export function ImageExport({
  file,
  onSaved,
}: {
  file: EvidenceFile;
  onSaved: (fileName: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const decrypted = useDecryptedFile(file, file.mediaType, 'url');
  const [size, setSize] = useState<ImageSize | null>(null);
  const [regions, setRegions] = useState<Region[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<Region | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const regionButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    if (focusNext.current === null) return;
    regionButtons.current[focusNext.current]?.focus();
    focusNext.current = null;
  });

  const pointAt = (event: PointerEvent): { x: number; y: number } | null => {
    const box = stage.current?.getBoundingClientRect();
    if (!box || !size || box.width === 0 || box.height === 0) return null;
    return {
      x: Math.round(((event.clientX - box.left) / box.width) * size.width),
      y: Math.round(((event.clientY - box.top) / box.height) * size.height),
    };
  };

  const addRegion = (region: Region) => {
    focusNext.current = regions.length;
    setSelected(regions.length);
    setRegions([...regions, region]);
  };

  if (decrypted.state === 'failed') {
    return (
      <p className="message message-error" role="alert">
        {t('attachments.previewFailed')}
      </p>
    );
  }
  if (decrypted.state !== 'url') return <p role="status">{t('attachments.previewLoading')}</p>;

  const label = (region: Region, index: number) =>
    t('attachments.regionLabel', { number: index + 1, ...region });

  return (
    <div className="image-export">
      <p>{t('attachments.exportIntro')}</p>
      <p id={`${id}-hint`} className="hint">
        {t('attachments.drawHint')}
      </p>
      <div
        ref={stage}
        className="blackout-stage"
        role="group"
        aria-label={t('attachments.canvasLabel')}
        aria-describedby={`${id}-hint`}
        onPointerDown={(event) => {
          if (event.target !== event.currentTarget && !(event.target instanceof HTMLImageElement))
            return;
          const point = pointAt(event);
          if (!point) return;
          start.current = point;
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          const point = pointAt(event);
          if (start.current && point && size) setDraft(regionBetween(start.current, point, size));
        }}
        onPointerUp={(event) => {
          const point = pointAt(event);
          const from = start.current;
          start.current = null;
          setDraft(null);
          if (from && point && size) {
            const region = regionBetween(from, point, size);
            if (region) addRegion(region);
          }
        }}
      >
        <img
          src={decrypted.url}
          alt={t('attachments.imageAlt', { name: file.name })}
          draggable={false}
          onLoad={(event) =>
            setSize({
              width: event.currentTarget.naturalWidth,
              height: event.currentTarget.naturalHeight,
            })
          }
        />
        {size
          ? regions.map((region, index) => (
              <button
                key={index}
                type="button"
                ref={(element) => {
                  regionButtons.current[index] = element;
                }}
                className={index === selected ? 'blackout-region selected' : 'blackout-region'}
                style={{
                  insetInlineStart: percent(region.x, size.width),
                  insetBlockStart: percent(region.y, size.height),
                  inlineSize: percent(region.width, size.width),
                  blockSize: percent(region.height, size.height),
                }}
                aria-label={label(region, index)}
                aria-describedby={`${id}-hint`}
                onFocus={() => setSelected(index)}
                onKeyDown={(event) => {
                  const next = regionAfterKey(region, event, size);
                  if (!next) return;
                  event.preventDefault();
                  setRegions(regions.map((r, i) => (i === index ? next : r)));
                }}
              />
            ))
          : null}
        {draft && size ? (
          <div
            className="blackout-region draft"
            aria-hidden="true"
            style={{
              insetInlineStart: percent(draft.x, size.width),
              insetBlockStart: percent(draft.y, size.height),
              inlineSize: percent(draft.width, size.width),
              blockSize: percent(draft.height, size.height),
            }}
          />
        ) : null}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={!size}
          onClick={() => size && addRegion(centredRegion(size))}
        >
          {t('attachments.addRegion')}
        </button>
      </div>
      <h4 id={`${id}-regions`}>{t('attachments.regionsHeading')}</h4>
      {regions.length === 0 ? (
        <p>{t('attachments.noRegions')}</p>
      ) : (
        <ul className="blackout-list" aria-labelledby={`${id}-regions`}>
          {regions.map((region, index) => (
            <li key={index}>
              <span aria-live="polite">{label(region, index)}</span>{' '}
              <button
                type="button"
                className="button"
                onClick={() => {
                  setRegions(regions.filter((_, i) => i !== index));
                  setSelected(null);
                }}
              >
                {t('attachments.removeRegion', { number: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SaveThroughDialog
        label={t('attachments.exportNow')}
        disabled={!size}
        save={(options) =>
          api().attachments.exportImage({ fileId: file.fileId, regions, ...options })
        }
        onSaved={onSaved}
      />
    </div>
  );
}
