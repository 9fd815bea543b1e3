import { createContext } from 'hono/jsx';
import { loadSiteConfig, type SiteConfig } from '../config.js';

/**
 * Who publishes the portal (PUBLISHER, CONTACT, CONTACT_URL), read from the environment once when pages are first
 * rendered. Tests render a page inside `<SiteInfoContext.Provider value={…}>` to give their own.
 */
export const SiteInfoContext = createContext<SiteConfig | null>(null);

let fromEnvironment: SiteConfig | undefined;

/** The configured publisher and contact; the environment is read on first use, then kept. */
export function readSiteInfo(provided: SiteConfig | null): SiteConfig {
  if (provided !== null) return provided;
  fromEnvironment ??= loadSiteConfig();
  return fromEnvironment;
}
