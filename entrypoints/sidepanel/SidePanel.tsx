/**
 * The side panel: the article of the active tab beside the page, through the shared reader
 * (highlights, folds, speakers, settings, read aloud). It follows the tab: another tab chosen,
 * or the tab loading a new page, is read again. Reading a tab needs the extension's access to
 * it, which only a click gives (activeTab: the toolbar button, the page's menu, the keyboard
 * shortcut); without it the panel says which click to make, and tries again after the toolbar
 * button's click (the popup announces it) or when the reader comes back to the panel.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from '#imports';
import { i18n } from '#i18n';
import { HighlightReader } from '../../components/highlights/HighlightReader';
import { Problem, Skeleton } from '../../components/Problem';
import { SettingsPanel } from '../../components/SettingsPanel';
import { useSettingsToggle } from '../../components/SettingsToggle';
import { ViewBar } from '../../components/ViewBar';
import { useReadAloud } from '../../components/speech/ReadAloud';
import { errorText, useNotice } from '../../components/useNotice';
import { useSettings } from '../../components/useSettings';
import { verdictsFor } from '../../components/verdicts';
import { extractFromTab, withSpeakers, type ExtractResult } from '../../platform/extraction';
import { watchGrants } from '../../platform/side-panel';
import { siteOf } from '../../platform/site-rules';

type Tab = Browser.tabs.Tab;
type Load = { status: 'loading'; forced: boolean } | { status: 'done'; forced: boolean; result: ExtractResult; url?: string };

/** The active tab of the panel's window. */
async function activeTab(): Promise<Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export function SidePanel() {
  const [notice, setNotice] = useNotice();
  const [settings, saveSettings] = useSettings((message) => setNotice(i18n.t('settings.saveFailed', [message])));
  const settingsToggle = useSettingsToggle();
  const [load, setLoad] = useState<Load>({ status: 'loading', forced: false });
  const tabId = useRef<number | undefined>(undefined);
  const request = useRef(0);

  /** Toolbar clicks announced by the popup (see `watchGrants`). */
  const grants = useRef(0);

  const read = async (tab: Tab | undefined, forced = false): Promise<void> => {
    const id = ++request.current;
    const grantsBefore = grants.current;
    tabId.current = tab?.id;
    setLoad({ status: 'loading', forced });
    let result: ExtractResult;
    try {
      result = await extractFromTab(tab ?? {}, forced);
    } catch (err) {
      result = { ok: false, code: 'failed', message: errorText(err) };
    }
    if (id !== request.current) return;
    // Refused, but a click came while it was asked: ask again, now with the access.
    if (!result.ok && result.restriction === 'off-limits' && grants.current !== grantsBefore) return read(tab, forced);
    setLoad({ status: 'done', forced, result, url: tab?.url });
    const full = await withSpeakers(result);
    if (id === request.current) setLoad({ status: 'done', forced, result: full, url: tab?.url });
  };
  const readActive = (forced = false) => void activeTab().then((tab) => read(tab, forced), (err: unknown) => setNotice(errorText(err)));

  // Follow the active tab of this window: another tab chosen, or this one loading a new page.
  const waiting = load.status === 'done' && !load.result.ok && load.result.restriction === 'off-limits';
  // No article on show (waiting for the click, or still reading: a reading started before the
  // click would fail) — the panel then reads the tab again after a click.
  const unread = useRef(false);
  unread.current = !(load.status === 'done' && load.result.ok);
  useEffect(() => {
    readActive();
    let windowId: number | undefined;
    void browser.windows.getCurrent().then((w) => (windowId = w.id));
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) readActive();
    };
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId.current && change.status === 'complete') readActive();
    };
    // After a click on the toolbar button (the popup says so as it opens), or back in the panel:
    // the tab may be readable now.
    const onFocus = () => unread.current && readActive();
    const unwatch = watchGrants(() => {
      grants.current++;
      onFocus();
    });
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    addEventListener('focus', onFocus);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      removeEventListener('focus', onFocus);
      unwatch();
    };
  }, []);

  const article = load.status === 'done' && load.result.ok ? load.result.article : null;
  const readAloud = useReadAloud({ article, settings, onSettings: saveSettings });
  const site = siteOf(article?.url ?? (load.status === 'done' ? load.url : undefined));
  const onVerdict = verdictsFor(site, setNotice);

  return (
    <>
      <ViewBar {...{ settingsToggle, readAloud, SettingsPanel, settings }} onSettings={saveSettings} />
      <main class="page" aria-busy={load.status === 'loading'} aria-label={i18n.t('sidePanel.title')}>
        {load.status === 'loading' ? (
          <Skeleton />
        ) : load.result.ok ? (
          <HighlightReader key={load.result.article.url} article={load.result.article} url={load.url} onVerdict={onVerdict} />
        ) : waiting ? (
          <div class="needs-click ui" role="status">
            <p>{i18n.t('sidePanel.needsClick')}</p>
            <button type="button" class="primary" onClick={() => readActive()}>{i18n.t('sidePanel.readTab')}</button>
          </div>
        ) : (
          <Problem failure={load.result} forced={load.forced} onRetry={(force) => readActive(force)} />
        )}
      </main>
      <p class={notice ? 'notice ui shown' : 'notice ui'} role="status">{notice}</p>
    </>
  );
}
