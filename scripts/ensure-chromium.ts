/**
 * Makes sure Debian's Chromium is there for the end-to-end tests. As root on Debian it installs
 * the `chromium` package (the only thing the test run installs); elsewhere it says what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATHS } from '../tests/e2e/chromium-path';

if (CHROMIUM_PATHS.some((p) => existsSync(p))) process.exit(0);

const isRoot = process.getuid?.() === 0;
const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
if (!isRoot || !isDebian) {
  console.error(
    'The end-to-end tests need Chromium, which is not installed.\n' +
      '  On Debian or Ubuntu: sudo apt-get install chromium\n' +
      '  Elsewhere: install Chromium and link it to /usr/bin/chromium.',
  );
  process.exit(1);
}
console.log('Installing Debian\'s chromium packages for the end-to-end tests (apt-get install chromium chromium-l10n)…');
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-l10n'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
