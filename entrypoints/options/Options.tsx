/**
 * Options: the sites where the clean view opens by itself (each removable: its script is
 * unregistered and its permission given back; a new one confirmed here, when the clean view's
 * switch sent the reader with `?site=`), and the clean view's keyboard shortcut.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { i18n } from '#i18n';
import { alwaysUseCleanView, autoOpenSitesItem, siteToConfirm, stopUsingCleanView } from '../../platform/auto-open';
import { TOGGLE_COMMAND } from '../../platform/cleanview-triggers';

function useSites(): string[] {
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    void autoOpenSitesItem.getValue().then(setSites);
    return autoOpenSitesItem.watch((next) => setSites(next ?? []));
  }, []);
  return sites;
}

function useShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then((all) => setShortcut(all.find((c) => c.name === TOGGLE_COMMAND)?.shortcut ?? ''));
  }, []);
  return shortcut;
}

/**
 * How long the confirmation's buttons stay disabled after it shows: a page that got the reader
 * to click the clean view's switch (through a decoy drawn over the view) cannot have the next
 * click of a double click land on "Allow" in the tab that opens. Browsers arm their own
 * security prompts the same way.
 */
export const CONFIRM_ARM_MS = 800;

/**
 * "Always use clean view on <site>?": the only place a site is opted in. A page can restyle or
 * cover what the extension draws over it, but not this page (R3).
 */
export function ConfirmSite({ site, onDone }: { site: string; onDone: (status: string) => void }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setArmed(true), CONFIRM_ARM_MS);
    return () => clearTimeout(timer);
  }, []);
  const allow = async () => {
    try {
      // permissions.request must run in the click's handler: nothing awaited before it.
      onDone(i18n.t(await alwaysUseCleanView(site) ? 'cleanView.alwaysOn' : 'cleanView.alwaysRefused', [site]));
    } catch (err) {
      onDone(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section class="confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{i18n.t('confirmSite.title', [site])}</h2>
      <p class="hint">{i18n.t('confirmSite.hint')}</p>
      <p>
        <button type="button" disabled={!armed} onClick={() => void allow()}>
          {i18n.t('confirmSite.allow', [site])}
        </button>{' '}
        <button type="button" onClick={() => onDone('')}>{i18n.t('confirmSite.cancel')}</button>
      </p>
    </section>
  );
}

export function Options() {
  const sites = useSites();
  const shortcut = useShortcut();
  const [status, setStatus] = useState('');
  const [asked, setAsked] = useState(() => siteToConfirm(location.search));

  const remove = async (site: string) => {
    try {
      await stopUsingCleanView(site);
      setStatus(i18n.t('options.removed', [site]));
    } catch (err) {
      setStatus(err instanceof Error ? err.message : String(err));
    }
  };
  // Browsers let extensions open their own settings pages, not link to them.
  const openShortcuts = () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });

  return (
    <main>
      <h1>Lucid Reader</h1>
      {asked && !sites.includes(asked) && (
        <ConfirmSite
          site={asked}
          onDone={(text) => {
            setAsked(null);
            setStatus(text);
          }}
        />
      )}
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{i18n.t('options.sitesTitle')}</h2>
        <p class="hint">{i18n.t('options.sitesHint')}</p>
        {sites.length === 0 ? (
          <p class="empty">{i18n.t('options.noSites')}</p>
        ) : (
          <ul class="sites">
            {sites.map((site) => (
              <li key={site}>
                <span class="site">{site}</span>
                <button type="button" aria-label={i18n.t('options.removeSite', [site])} onClick={() => void remove(site)}>
                  {i18n.t('options.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{i18n.t('options.keysTitle')}</h2>
        <p>
          {i18n.t('options.shortcut')} <kbd class="shortcut">{shortcut === null ? '…' : shortcut || i18n.t('options.noShortcut')}</kbd>.{' '}
          {import.meta.env.CHROME && (
            <button type="button" class="link" onClick={openShortcuts}>
              {i18n.t('options.changeShortcut')}
            </button>
          )}
        </p>
        <p>{i18n.t('options.escape')}</p>
      </section>
      <p role="status" class="status">{status}</p>
    </main>
  );
}
