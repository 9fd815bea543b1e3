import { unzipSync } from 'fflate';
import { DocumentReadError } from './document-read-error.js';

/** What an uploaded Office file may unpack to: far above any real workbook, far below what exhausts memory. */
export const ZIP_LIMITS = { maxEntries: 2_000, maxUnpackedBytes: 64 * 1024 * 1024, maxRatio: 200 } as const;

/**
 * Refuses a ZIP (an .xlsx) that would unpack to too much (a zip bomb) before any reader inflates it: the sizes come
 * from the central directory, nothing is decompressed. Throws DocumentReadError with a Japanese message.
 */
export function checkZipLimits(bytes: Uint8Array): void {
  let entries = 0;
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw new DocumentReadError('ZIP（Excel ブック）として読めません。ファイルが壊れていないか確かめてください。', {
      cause: error,
    });
  }
  const ratio = unpacked / Math.max(bytes.length, 1);
  if (entries > ZIP_LIMITS.maxEntries || unpacked > ZIP_LIMITS.maxUnpackedBytes || ratio > ZIP_LIMITS.maxRatio) {
    throw new DocumentReadError(
      `展開後の大きさが上限を超えるため読みません（${entries} 個、${Math.ceil(unpacked / 1024 / 1024)} MB）。記入用ブックをそのまま保存して送ってください。`,
    );
  }
}
