// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Reader } from '../../components/Reader';
// Loaded by the Reader after paint: loaded here first, so that it is not fetched after a test ends.
import '../../components/reading/position';
import { Problem } from '../../components/Problem';
import type { ExtractResult } from '../../platform/extraction';
import { ARTICLE } from './fixtures';
import { useLocale } from './locale';

type Failure = Extract<ExtractResult, { ok: false }>;
let root: HTMLElement;
beforeEach(() => {
  useLocale('en');
  root = document.createElement('div');
});
const show = (node: preact.ComponentChild) => act(() => render(node, root));

describe('Problem: every failure says something, in plain words', () => {
  const cases: [Failure, boolean, RegExp, string[]][] = [
    [{ ok: false, code: 'restricted', restriction: 'browser-page', message: '' }, false, /browser page/, []],
    [{ ok: false, code: 'restricted', restriction: 'store', message: '' }, false, /Extension stores/, []],
    [{ ok: false, code: 'restricted', restriction: 'pdf', message: '' }, false, /PDF document/, []],
    [{ ok: false, code: 'restricted', message: '' }, false, /do not let extensions read/, []],
    [{ ok: false, code: 'no-article', message: 'x' }, false, /does not look like an article/, ['Try anyway']],
    [{ ok: false, code: 'no-article', message: 'x' }, true, /Even read as a whole/, []],
    [{ ok: false, code: 'too-large', message: '(2.1 million characters)' }, false, /too large/, []],
    [{ ok: false, code: 'failed', message: 'boom' }, false, /Something went wrong/, ['Try again']],
  ];
  for (const [failure, forced, text, buttons] of cases) {
    it(`${failure.code}${failure.restriction ? ` (${failure.restriction})` : ''}${forced ? ', forced' : ''}`, () => {
      const onRetry = vi.fn();
      show(<Problem failure={failure} forced={forced} onRetry={onRetry} />);
      expect(root.querySelector('[role=alert]')?.textContent).toMatch(text);
      expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(buttons);
      if (buttons.length) {
        act(() => root.querySelector('button')!.click());
        expect(onRetry).toHaveBeenCalledWith(failure.code === 'no-article' ? true : forced);
      }
    });
  }

  it('keeps the figures of a too-large page in the details', () => {
    show(<Problem failure={{ ok: false, code: 'too-large', message: '(2.1 million characters)' }} forced={false} onRetry={() => undefined} />);
    expect(root.querySelector('details')?.textContent).toContain('2.1 million characters');
  });
});

describe('French', () => {
  it('speaks French when the browser does', () => {
    useLocale('fr');
    window.matchMedia ??= (() => ({ matches: false })) as never;
    show(<Reader article={ARTICLE} />);
    expect(root.querySelector('[data-testid=folded-summary]')?.textContent).toBe('1 ligne repliée');
    expect(root.querySelector('.speakers-toggle')?.textContent).toBe('Qui est cité · 2');
    expect(root.querySelector('.facts')?.textContent).toMatch(/1 min de lecture$/);
  });
});
