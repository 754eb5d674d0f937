import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  // Explicit imports everywhere: the pure core in utils/ must not depend on WXT's globals.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Lucid Reader',
    description: 'A calm reader mode: folds repeated and boilerplate lines, shows who said what, keeps your highlights.',
    permissions: ['activeTab', 'scripting', 'storage'],
    action: { default_title: 'Lucid Reader' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'lucid-reader@lucid.example', strict_min_version: '115.0' } } }
      : {}),
  }),
});
