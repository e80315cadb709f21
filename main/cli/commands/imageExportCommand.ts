import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { VaultError } from '../../../db';
import { appendCustody, attachmentInfo, readAttachment } from '../../../db/attachments';
import { writeFileAtomically } from '../../../db/files/atomicFile';
import {
  cleanImageForExport,
  exportImageFormats,
  imageExportLimits,
  parseBlackOutRegion,
  type BlackOutRegion,
  type ExportImageFormat,
} from '../../../db/images';
import { json, oneArgument, withVault, type Command } from '../context';

const invalid = (message: string) => new VaultError('invalid_input', message);

const formatsByExtension: Record<string, ExportImageFormat> = {
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.png': 'png',
};

/** `--format`, or else the --out file's extension; the two must agree when both are given. */
function formatFor(format: string | undefined, out: string): ExportImageFormat {
  const byName = formatsByExtension[path.extname(out).toLowerCase()];
  if (format === undefined) {
    if (byName) return byName;
    throw invalid(
      'export-image writes JPEG or PNG: name the file FILE.jpg or FILE.png, or add --format jpeg|png.',
    );
  }
  if (!(exportImageFormats as readonly string[]).includes(format)) {
    throw invalid(`export-image --format takes ${exportImageFormats.join(' or ')}.`);
  }
  if (byName && byName !== format) {
    throw invalid(
      `--format ${format} does not match the file name ${path.basename(out)}: change one of them.`,
    );
  }
  return format as ExportImageFormat;
}

const describeRegion = (r: BlackOutRegion) => `${r.x},${r.y},${r.width},${r.height}`;

/**
 * `casebook --vault DIR export-image FILE_ID --out PATH [--black-out X,Y,W,H ...]`: an image
 * attachment, decrypted into memory only, stripped of its metadata and with the given regions
 * blacked out (docs/images.md), written atomically and entered in the file's custody log.
 */
export const exportImage: Command = async (args, options, io) => {
  const fileId = oneArgument(args, 'attachment file id (see "attachments RECORD_ID")');
  const out = options.out;
  if (!out) {
    throw invalid(
      'export-image needs --out FILE.jpg or --out FILE.png: the image is written to a file, never to the terminal.',
    );
  }
  const format = formatFor(options.format, out);
  // Everything that can be checked without the passphrase is checked first.
  const blackOut = options.blackOut.map(parseBlackOutRegion);
  if (existsSync(out)) {
    throw invalid(
      `${out} already exists. Nothing was written. Choose another name, or move the file away first.`,
    );
  }
  // Checked before the custody log is written, so that a refused folder logs no export.
  try {
    accessSync(path.dirname(out), constants.W_OK);
  } catch {
    throw invalid(
      `Cannot write to ${path.dirname(out)}. Nothing was written. Choose a folder you may write to.`,
    );
  }

  const written = await withVault(options, async (vault) => {
    if (attachmentInfo(vault, fileId).size > imageExportLimits.maxBytes) {
      throw invalid(
        `Attachment ${fileId} is larger than the ${imageExportLimits.maxBytes / 2 ** 20} MiB an image export reads. Nothing was written. Use "extract" to take out the file itself.`,
      );
    }
    io.note('\rdecrypting...     ');
    const { info, bytes } = await readAttachment(vault, fileId, {
      maxBytes: imageExportLimits.maxBytes,
    });
    let cleaned;
    try {
      if (createHash('sha256').update(bytes).digest('hex') !== info.sha256) {
        throw new VaultError(
          'record_damaged',
          `Attachment ${fileId} does not match the SHA-256 taken at intake. Nothing was written. Run "verify", and restore the attachment from a backup bundle.`,
        );
      }
      io.note('\rcleaning...       ');
      cleaned = await cleanImageForExport(bytes, { blackOut, format });
    } finally {
      bytes.fill(0);
    }
    io.note('\r                  \r');
    const sha256 = createHash('sha256').update(cleaned.bytes).digest('hex');
    // The custody entry first: a copy that left the vault unrecorded is the worse failure.
    const cleaning =
      `image cleaned for export as ${cleaned.format.toUpperCase()}: metadata removed` +
      (cleaned.blackedOut.length > 0
        ? `, blacked out ${cleaned.blackedOut.map(describeRegion).join(' ')}`
        : '');
    appendCustody(vault, fileId, {
      action: 'export',
      sha256,
      purpose: options.purpose ? `${options.purpose} (${cleaning})` : cleaning,
    });
    try {
      await writeFileAtomically(out, [cleaned.bytes]);
    } catch {
      throw invalid(
        `Cannot write ${out}. Nothing was written (the custody log records the attempt). Choose a folder you may write to.`,
      );
    }
    return { ...cleaned, sha256 };
  });

  const summary = {
    fileId,
    out,
    mediaType: written.mediaType,
    width: written.width,
    height: written.height,
    sha256: written.sha256,
    blackedOut: written.blackedOut,
  };
  if (options.json) io.out(`${json(summary)}\n`);
  const widened =
    written.format === 'jpeg' &&
    written.blackedOut.some((r, i) => describeRegion(r) !== describeRegion(blackOut[i]!));
  io.note(
    `Written to ${out} (${written.format.toUpperCase()}, ${written.width}×${written.height}), with no metadata` +
      (written.blackedOut.length > 0
        ? `; ${written.blackedOut.length} ${written.blackedOut.length === 1 ? 'region' : 'regions'} blacked out${widened ? ' (widened to whole 8×8 JPEG blocks)' : ''}`
        : '') +
      '.\n',
  );
};
