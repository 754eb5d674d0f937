/**
 * The popup: reads the active tab's article (skeleton at once), shows it through the shared
 * Reader, with the toolbar (reading settings, copy as Markdown, highlights library, clean view).
 */
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { PublicPath } from 'wxt/browser';
import { i18n } from '#i18n';
import { HighlightReader } from '../../components/highlights/HighlightReader';
import { useSettingsToggle } from '../../components/SettingsToggle';
import { ViewBar } from '../../components/ViewBar';
import { useAfterPaint } from '../../components/useAfterPaint';
import { errorText, useNotice } from '../../components/useNotice';
import { useSettings } from '../../components/useSettings';
import { verdictsFor } from '../../components/verdicts';
import { extractFromTab, withSpeakers, type ExtractResult } from '../../platform/extraction';
import { siteOf } from '../../platform/site-rules';
import type { Article } from '../../utils/types';
import { IconButton } from '../../components/icons';
import { Problem, Skeleton } from '../../components/Problem';
import { useReadAloud } from '../../components/speech/ReadAloud';
import { canOpenSidePanel, openSidePanel } from '../../platform/side-panel';

export interface PopupProps {
  /** The active tab's article, asked for before the first render (see main.tsx). */
  first: Promise<ExtractResult>;
  /** Opens the clean view in the tab; the button is shown only when this is given. */
  onOpenCleanView?: () => void;
}

/** Reads the active tab's article; never throws (failures come back as results). */
export async function readActiveTab(force: boolean): Promise<ExtractResult> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return await extractFromTab(tab ?? {}, force);
  } catch (err) {
    return { ok: false, code: 'failed', message: errorText(err) };
  }
}

type Load = { status: 'loading'; forced: boolean } | { status: 'done'; forced: boolean; result: ExtractResult };

/** Marks the moment the article is on screen (read by `npm run bench:e2e`). */
function markPainted(article: Article): void {
  requestAnimationFrame(() =>
    setTimeout(() => performance.mark('lucid:article-painted', { detail: { pipelineMs: article.timing?.totalMs ?? null } })),
  );
}

/** Whatever goes wrong while showing an article, the popup still says something useful. */
class ShowErrors extends Component<{ children: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };
  override componentDidCatch(err: unknown) {
    console.error(err);
    this.setState({ failed: true });
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return <Problem failure={{ ok: false, code: 'failed', message: i18n.t('error.display') }} forced={false} onRetry={() => location.reload()} />;
  }
}

export function Popup({ first, onOpenCleanView }: PopupProps) {
  const [notice, setNotice] = useNotice();
  const [settings, saveSettings] = useSettings((message) => setNotice(i18n.t('settings.saveFailed', [message])));
  const settingsToggle = useSettingsToggle();
  // The settings panel is opened later, if at all: its code loads after the first paint.
  const settingsPanel = useAfterPaint(() => import('../../components/SettingsPanel'));
  const [load, setLoad] = useState<Load>({ status: 'loading', forced: false });

  const request = useRef(0);
  const show = (result: Promise<ExtractResult>, forced: boolean) => {
    const id = ++request.current;
    setLoad({ status: 'loading', forced });
    void result.then((r) => {
      if (id !== request.current) return;
      setLoad({ status: 'done', forced, result: r });
      // Who said what follows a moment later: the quotes step runs once the text is on screen.
      void withSpeakers(r).then((full) => id === request.current && setLoad({ status: 'done', forced, result: full }));
    });
  };
  useEffect(() => show(first, false), [first]);

  const article = load.status === 'done' && load.result.ok ? load.result.article : null;
  // Once per request: the article is painted again when its speakers arrive.
  const painted = useRef(0);
  useEffect(() => {
    if (!article || painted.current === request.current) return;
    painted.current = request.current;
    markPainted(article);
  }, [article]);

  const copy = async () => {
    if (!article) return;
    try {
      // Loaded on the click, not before the popup paints.
      const { articleToMarkdown } = await import('../../utils/markdown');
      await navigator.clipboard.writeText(articleToMarkdown(article));
      setNotice(i18n.t('bar.copied'));
    } catch {
      setNotice(i18n.t('bar.copyFailed'));
    }
  };
  const openLibrary = async () => {
    // The library page is built by its own entrypoint; its path is not in the generated types yet.
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html' as PublicPath) });
    window.close();
  };
  // Read aloud lasts while the popup is open: it closes on a click outside, and speech stops with it.
  const readAloud = useReadAloud({ article, settings, onSettings: saveSettings });
  const toSidePanel = () =>
    openSidePanel().then(
      () => window.close(),
      (err: unknown) => setNotice(errorText(err)),
    );
  const site = siteOf(article?.url);
  const onVerdict = verdictsFor(site, setNotice);

  return (
    <>
      <ViewBar {...{ settingsToggle, readAloud, settings }} SettingsPanel={settingsPanel?.SettingsPanel ?? null} onSettings={saveSettings}>
        <IconButton icon="copy" label={i18n.t('bar.copy')} disabled={!article} onClick={copy} />
        <IconButton icon="library" label={i18n.t('bar.library')} onClick={openLibrary} />
        {onOpenCleanView && <IconButton icon="clean" label={i18n.t('bar.cleanView')} disabled={!article} onClick={onOpenCleanView} />}
        {canOpenSidePanel() && <IconButton icon="panel" label={i18n.t('sidePanel.open')} onClick={toSidePanel} />}
      </ViewBar>
      <main class="page" aria-busy={load.status === 'loading'}>
        {load.status === 'loading' ? (
          <Skeleton />
        ) : load.result.ok ? (
          <ShowErrors>
            <HighlightReader article={load.result.article} onVerdict={onVerdict} />
          </ShowErrors>
        ) : (
          <Problem failure={load.result} forced={load.forced} onRetry={(force) => show(readActiveTab(force), force)} />
        )}
      </main>
      <p class={notice ? 'notice ui shown' : 'notice ui'} role="status">{notice}</p>
    </>
  );
}
