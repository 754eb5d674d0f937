/**
 * Options: the sites where the clean view opens by itself (each removable: its script is
 * unregistered and its permission given back), and the clean view's keyboard shortcut.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
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
      setStatus(`${site} removed: the clean view no longer opens there by itself.`);
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
        <h2 id="sites-title">Sites that open in clean view</h2>
        <p class="hint">Turn a site on with “Always use clean view on this site” in the clean view’s bar.</p>
        {sites.length === 0 ? (
          <p class="empty">No sites yet.</p>
        ) : (
          <ul class="sites">
            {sites.map((site) => (
              <li key={site}>
                <span class="site">{site}</span>
                <button type="button" aria-label={`Remove ${site}`} onClick={() => void remove(site)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">Keyboard</h2>
        <p>
          Open or close the clean view: <kbd class="shortcut">{shortcut === null ? '…' : shortcut || 'no shortcut set'}</kbd>.{' '}
          {import.meta.env.CHROME && (
            <button type="button" class="link" onClick={openShortcuts}>
              Change it
            </button>
          )}
        </p>
        <p>In the clean view, Escape or “Show original” brings the page back as it was.</p>
      </section>
      <p role="status" class="status">{status}</p>
    </main>
  );
}
