import { createHash } from 'node:crypto';

/** The site's icon: 「連」 white on the accent blue, as SVG (every current browser takes an SVG icon). */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0031d8"/><text x="16" y="23" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif">連</text></svg>`;

export const faviconBytes: Uint8Array<ArrayBuffer> = new TextEncoder().encode(FAVICON_SVG);
export const faviconEtag = `"${createHash('sha256').update(faviconBytes).digest('hex').slice(0, 32)}"`;
/** what pages link to (`<link rel="icon">`); /favicon.ico answers the same icon for clients that ask there */
export const FAVICON_HREF = '/favicon.svg';
