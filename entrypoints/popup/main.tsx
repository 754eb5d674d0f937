import { render } from 'preact';
import { applySettings, cachedSettings } from '../../components/settings';
import { browser } from '#imports';
import { send } from '../../platform/send';
import { announceGrant } from '../../platform/side-panel';
import { Popup, readActiveTab } from './Popup';
import '../../components/reader.css';
import './popup.css';

// The interface language and the theme last used, before the first paint (storage answers a moment later).
document.documentElement.lang = navigator.language;
applySettings(document.documentElement, cachedSettings());
// Ask for the article first (marks for `npm run bench:e2e`): the page works on it while the popup renders its skeleton.
performance.mark('lucid:popup-start');
const first = readActiveTab(false).finally(() => performance.mark('lucid:article-received'));
// The toolbar click gave access to the tab: an open side panel waiting for it reads it now.
announceGrant();
/** Turns the active tab into the clean view, then gets out of the way. */
async function openCleanView(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  try {
    // The background opens it: it hands the frame its nonce and accepts its port (R3).
    await send({ type: 'view:toggle', tabId: tab.id });
    window.close();
  } catch (err) {
    console.error('Lucid Reader: the clean view could not open', err);
  }
}

render(<Popup first={first} onOpenCleanView={() => void openCleanView()} />, document.getElementById('app')!);
