import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../../package-root.js';

/** The site stylesheet as served: the Digital Agency design tokens, then our own rules. */
export type SiteCss = {
  /** the CSS text */
  text: string;
  /** its UTF-8 bytes, encoded once so each response does not re-encode */
  bytes: Uint8Array<ArrayBuffer>;
  /** first 12 hex digits of its SHA-256: the `?v=` of the stylesheet URL */
  hash: string;
  /** a strong ETag over the whole content */
  etag: string;
  /** the URL pages link to; changes whenever the content does, so it can be cached for a year */
  href: string;
};

// Read once when the module loads: pages and the asset route share the same text and hash.
const tokensPath = createRequire(import.meta.url).resolve('@digital-go-jp/design-tokens/dist/tokens.css');
const tokensCss = readFileSync(tokensPath, 'utf8');
// from src/ in the build too: the bundle's modules do not keep their folders
const ownCss = readFileSync(path.join(packageRoot, 'src', 'web', 'assets', 'site.css'), 'utf8');

function buildSiteCss(parts: string[]): SiteCss {
  const text = `${parts.map((part) => part.trim()).join('\n\n')}\n`;
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  const hash = digest.slice(0, 12);
  return {
    text,
    bytes: new TextEncoder().encode(text),
    hash,
    etag: `"${digest.slice(0, 32)}"`,
    href: `/assets/site.css?v=${hash}`,
  };
}

/** The stylesheet, built once at start. */
export const siteCss: SiteCss = buildSiteCss([
  '/* @digital-go-jp/design-tokens (MIT, Digital Agency) */',
  tokensCss,
  '/* Renkei portal */',
  ownCss,
]);
