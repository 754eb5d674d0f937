/**
 * "Always use clean view on this site": a toggle button (pressed = on). Turning it on asks the
 * browser for this one site's permission, in the click itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { alwaysUseCleanView, autoOpenSitesItem, stopUsingCleanView } from '../../platform/auto-open';

export function AutoOpenSwitch({ site, onNotice }: { site: string; onNotice: (text: string) => void }) {
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    void autoOpenSitesItem.getValue().then(setSites);
    return autoOpenSitesItem.watch((next) => setSites(next ?? []));
  }, []);
  const on = sites.includes(site);

  const change = async () => {
    try {
      if (on) {
        await stopUsingCleanView(site);
        onNotice(i18n.t('cleanView.alwaysOff', [site]));
      } else if (await alwaysUseCleanView(site)) {
        onNotice(i18n.t('cleanView.alwaysOn', [site]));
      } else {
        onNotice(i18n.t('cleanView.alwaysRefused', [site]));
      }
    } catch (err) {
      onNotice(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <button type="button" class="auto-open" aria-pressed={on} onClick={() => void change()}>
      {i18n.t('cleanView.always')}
    </button>
  );
}
