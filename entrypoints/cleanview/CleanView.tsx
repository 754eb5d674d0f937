/**
 * The clean view page, framed over the article page: the shared Reader (settings, folds,
 * speakers) with a bar to go back to the original page. Escape goes back too.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { HighlightReader } from '../../components/highlights/HighlightReader';
import { SettingsPanel } from '../../components/SettingsPanel';
import { useSettingsToggle } from '../../components/SettingsToggle';
import { ViewBar } from '../../components/ViewBar';
import { errorText, useNotice } from '../../components/useNotice';
import { useSettings } from '../../components/useSettings';
import { verdictsFor } from '../../components/verdicts';
import type { CleanViewState } from '../../platform/cleanview';
import { siteOf } from '../../platform/site-rules';
import { Problem, Skeleton } from '../../components/Problem';
import { useReadAloud } from '../../components/speech/ReadAloud';
import { AutoOpenSwitch } from './AutoOpenSwitch';
import { send } from '../../platform/send';
import { connectToHost } from './host-link';

export function CleanView() {
  const [state, setState] = useState<CleanViewState | null>(null);
  const [forced, setForced] = useState(false);
  const [lost, setLost] = useState('');
  const [notice, setNotice] = useNotice();
  const [settings, saveSettings] = useSettings((message) => setNotice(i18n.t('settings.saveFailed', [message])));
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    try {
      connectToHost(setState, () => setLost(i18n.t('cleanView.pageGone')));
    } catch (err) {
      setLost(errorText(err));
    }
  }, []);

  const close = () => void send({ type: 'view:close' }).catch((err: unknown) => setLost(errorText(err)));
  const retry = (force: boolean) => {
    setForced(force);
    void send({ type: 'view:retry', force }).catch((err: unknown) => setLost(errorText(err)));
  };

  // Escape closes the settings first, then the view.
  const settingsToggle = useSettingsToggle(close);

  // Each new article (also after a single-page navigation) starts at its top, focus in the text.
  const result = state?.result ?? null;
  const article = result?.ok ? result.article : null;
  useEffect(() => {
    if (!article) return;
    scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [article]);


  const readAloud = useReadAloud({ article, settings, onSettings: saveSettings });
  const site = siteOf(state?.url);
  const onVerdict = verdictsFor(site, setNotice);

  return (
    <>
      <ViewBar
        {...{ settingsToggle, readAloud, SettingsPanel, settings }}
        onSettings={saveSettings}
        lead={
          <>
            {state?.auto && site && <span class="auto-note">{i18n.t('cleanView.autoNote', [site])}</span>}
            {site && <AutoOpenSwitch site={site} onNotice={setNotice} />}
          </>
        }
      >
        <button type="button" class="primary show-original" title={i18n.t('cleanView.showOriginalTitle')} onClick={close}>
          {i18n.t('cleanView.showOriginal')}
        </button>
      </ViewBar>
      <main class="page" tabIndex={-1} ref={main} aria-busy={!lost && !result}>
        {lost ? (
          <p class="problem ui" role="alert">{lost}</p>
        ) : !result ? (
          <Skeleton />
        ) : result.ok ? (
          <HighlightReader article={result.article} url={state?.url} onVerdict={onVerdict} />
        ) : (
          <Problem failure={result} forced={forced} onRetry={retry} />
        )}
      </main>
      <p class={notice ? 'notice ui shown' : 'notice ui'} role="status">{notice}</p>
    </>
  );
}
