/** Where Debian's Firefox ESR lives. */
export const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'];
