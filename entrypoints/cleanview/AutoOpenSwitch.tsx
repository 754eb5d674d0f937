/**
 * "Always use clean view on this site": a toggle button (pressed = on). Turning it on opens the
 * options page, where the reader confirms the site and the browser asks for its permission: a
 * web page can restyle or cover what is drawn over it, never the options page (R3).
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { autoOpenSitesItem, stopUsingCleanView } from '../../platform/auto-open';
import { send } from '../../platform/send';

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
      } else {
        await send({ type: 'auto-open:confirm', site });
        onNotice(i18n.t('confirmSite.asked', [site]));
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
