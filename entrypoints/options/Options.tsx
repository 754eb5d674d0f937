/**
 * Options: the sites where the clean view opens by itself (each removable: its script is
 * unregistered and its permission given back), and the clean view's keyboard shortcut.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { i18n } from '#i18n';
import { autoOpenSitesItem, stopUsingCleanView } from '../../platform/auto-open';
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

export function Options() {
  const sites = useSites();
  const shortcut = useShortcut();
  const [status, setStatus] = useState('');

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
