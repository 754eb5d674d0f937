import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { vendorHardening } from './build/vendor-hardening';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  // Explicit imports everywhere: the pure core in utils/ must not depend on WXT's globals.
  imports: false,
  // UI strings from locales/*.yml, built into _locales; the browser's language picks one.
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({
    // Removes the HTML sinks (innerHTML) from the bundled Preact, Readability and DOMPurify.
    plugins: [preact(), vendorHardening()],
  }),
  manifest: ({ browser }) => ({
    default_locale: 'en',
    name: 'Lucid Reader',
    // The store description in the browser's language (locales/*.yml).
    description: '__MSG_extDescription__',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    // Asked for one site at a time ("Always use clean view on this site"), never at install.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Lucid Reader' },
    commands: {
      'toggle-clean-view': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandCleanView__',
      },
    },
    // The clean view is an extension page framed over the article page. Chrome: reachable only
    // at a per-session address, so a page cannot probe for the extension or frame a copy (R3);
    // Firefox's add-on address is random per install already.
    web_accessible_resources: [
      {
        resources: ['cleanview.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140: the first Firefox with data_collection_permissions (128 brought
            // optional_host_permissions); Firefox for Android has it from 142.
            gecko: { id: 'lucid-reader@lucid.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
