import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { extractFromTab, type ExtractResult } from '../../platform/extraction';
import { ArticleView } from '../../components/ArticleView';

type State = { status: 'loading' } | { status: 'done'; result: ExtractResult };

export function Popup() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = async (force: boolean) => {
    setState({ status: 'loading' });
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    setState({ status: 'done', result: await extractFromTab(tab ?? {}, force) });
  };

  useEffect(() => {
    void load(false);
  }, []);

  if (state.status === 'loading') return <p class="status" role="status">Reading the page…</p>;
  const { result } = state;
  if (!result.ok) {
    return (
      <div class="status" role="alert">
        <p>{result.message}</p>
        {result.code === 'no-article' && (
          <button type="button" onClick={() => void load(true)}>
            Try anyway
          </button>
        )}
      </div>
    );
  }
  return <ArticleView article={result.article} />;
}
