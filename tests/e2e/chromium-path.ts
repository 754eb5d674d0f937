/** Where Debian's Chromium lives: the binary, then the wrapper script. */
export const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
