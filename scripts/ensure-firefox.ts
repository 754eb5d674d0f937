/**
 * Makes sure Debian's Firefox ESR is there for the Firefox end-to-end tests. As root on Debian
 * it installs the `firefox-esr` package; elsewhere it says what to do. Never downloads a browser
 * from anywhere else.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FIREFOX_PATHS } from '../tests/e2e/firefox/firefox-path';

if (FIREFOX_PATHS.some((p) => existsSync(p))) process.exit(0);

const isRoot = process.getuid?.() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!isRoot || !isDebian) {
  console.error(
    'The Firefox end-to-end tests need Firefox ESR, which is not installed.\n' +
      '  On Debian or Ubuntu: sudo apt-get install firefox-esr\n' +
      '  Elsewhere: install Firefox ESR and link it to /usr/bin/firefox-esr.',
  );
  process.exit(1);
}
console.log("Installing Debian's firefox-esr package for the Firefox end-to-end tests (apt-get install firefox-esr)…");
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
