import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type PdfDocument = import('pdfjs-dist').PDFDocumentProxy;

/**
 * pdf.js, loaded when the first PDF is previewed (it is large, and most sessions never need
 * it), with its worker served from the app. Eval is off: the CSP allows none, and fonts of a
 * hostile PDF must not become code.
 */
async function loadPdfJs() {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}

/** One page at a time of a PDF held in memory, drawn into a canvas; no file, no blob URL. */
export function PdfPreview({ bytes, name }: { bytes: Uint8Array; name: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let open: PdfDocument | null = null;
    let gone = false;
    void (async () => {
      try {
        const pdfjs = await loadPdfJs();
        // pdf.js hands the buffer over to its worker (it is detached here), so it gets a copy:
        // the effect may run again for the same bytes (React's strict mode does so).
        const loaded = await pdfjs.getDocument({
          data: bytes.slice(),
          isEvalSupported: false,
          useWasm: false,
        }).promise;
        if (gone) {
          void loaded.destroy();
          return;
        }
        open = loaded;
        setDoc(loaded);
      } catch {
        if (!gone) setFailed(true);
      }
    })();
    return () => {
      gone = true;
      void open?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!doc || !canvas.current) return;
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    void (async () => {
      try {
        const pdfPage = await doc.getPage(page);
        if (cancelled || !canvas.current) return;
        const viewport = pdfPage.getViewport({ scale: 1.25 });
        canvas.current.width = Math.floor(viewport.width);
        canvas.current.height = Math.floor(viewport.height);
        task = pdfPage.render({ canvas: canvas.current, viewport });
        await task.promise;
        canvas.current.dataset.rendered = String(page);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page]);

  if (failed) {
    return (
      <p className="message message-error" role="alert">
        {t('attachments.previewFailed')}
      </p>
    );
  }
  const pages = doc?.numPages ?? 0;
  const label = t('attachments.pdfPage', { page, pages, name });
  return (
    <div className="pdf-preview">
      {doc ? null : <p role="status">{t('attachments.previewLoading')}</p>}
      <canvas ref={canvas} role="img" aria-label={label} className="pdf-canvas" />
      {pages > 1 ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            {t('attachments.pdfPrevious')}
          </button>
          <span aria-live="polite">{label}</span>
          <button
            type="button"
            className="button"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            {t('attachments.pdfNext')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
