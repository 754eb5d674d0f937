/**
 * The background's ways into the clean view besides the popup: the keyboard command (default
 * Alt+Shift+R, changeable on the browser's shortcuts page) and the page's context menu. Both
 * give the activeTab grant, as a toolbar click does. Also keeps the auto-open registrations
 * in step with the stored site list.
 */
import { browser, type Browser } from '#imports';
import { i18n } from '#i18n';
import { onPermissionsRemoved, syncRegistrations } from './auto-open';
import { toggleCleanView } from './cleanview';

export const TOGGLE_COMMAND = 'toggle-clean-view';
const MENU_ID = 'lucid-clean-view';

/** Toggles the clean view in the tab a command or a menu click came from. */
export function onTrigger(tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return Promise.resolve();
  // Nowhere to show the error (no popup): the page simply stays as it is.
  return toggleCleanView(tab.id).then(
    () => undefined,
    (err: unknown) => console.warn('Lucid Reader:', err instanceof Error ? err.message : err),
  );
}

export function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  return command === TOGGLE_COMMAND ? onTrigger(tab) : Promise.resolve();
}

function createMenu(): void {
  // Menu items persist across restarts; create them afresh on install and update only.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ID,
      title: i18n.t('cleanView.menu'),
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    }),
  );
}

/** Registers the listeners; call synchronously when the background starts. */
export function installCleanViewTriggers(): void {
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void onTrigger(tab);
  });
  browser.runtime.onInstalled.addListener(() => {
    createMenu();
    void syncRegistrations();
  });
  browser.runtime.onStartup.addListener(() => void syncRegistrations());
  browser.permissions.onRemoved.addListener((removed) => void onPermissionsRemoved(removed));
  // e2e builds only (`wxt build --mode e2e`; production builds drop this line): headless
  // Chromium never turns key presses into commands, so the tests call the same handler.
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { __lucidTestCommand: onCommand });
}
