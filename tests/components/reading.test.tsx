// @vitest-environment jsdom
/**
 * Reading settings (typography, stored values of the older shape), the contents list, and the
 * reading position: bounded storage, progress and minutes left, restoring a place.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reader } from '../../components/Reader';
import { SettingsPanel } from '../../components/SettingsPanel';
import { applySettings } from '../../components/settings';
import { currentHeading, headingsOf } from '../../components/reading/Contents';
import { minutesLeft, progressOf } from '../../components/reading/Progress';
import { restore, trackPosition } from '../../components/reading/position';
import { identify } from '../../components/highlights/model';
import { parseMessage } from '../../platform/messages';
import { MAX_AGE_DAYS, positionsItem, withPosition, type Positions } from '../../platform/reading-position';
import { DEFAULT_SETTINGS, readSettings, type ReadingSettings } from '../../platform/settings';
import type { Article, Block } from '../../utils/types';
import { ARTICLE } from './fixtures';
import { useDom } from './dom';

const dom = useDom();
const { show } = dom;
afterEach(() => vi.restoreAllMocks());

describe('reading settings', () => {
  it('reads settings stored before the typography settings, filling in the defaults', () => {
    const v1 = { theme: 'sepia', fontSize: 20, font: 'sans', width: 'wide' };
    expect(readSettings(v1)).toEqual({ ...DEFAULT_SETTINGS, ...v1 });
    expect(readSettings({ ...v1, lineHeight: 9 })).toEqual(DEFAULT_SETTINGS); // out of range: the defaults, not a broken page
    expect(readSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
  });

  it('puts every setting on the dom.root as an attribute or a custom property', () => {
    const el = document.createElement('div');
    const settings: ReadingSettings = { ...DEFAULT_SETTINGS, theme: 'contrast', font: 'serif', lineHeight: 2, letterSpacing: 0.05, wordSpacing: 0.2, paragraphSpacing: 1.5, align: 'justify', links: 'plain', images: false };
    applySettings(el, settings);
    expect({ ...el.dataset }).toEqual({ theme: 'contrast', font: 'serif', width: 'medium', align: 'justify', links: 'plain', images: 'hidden' });
    expect(el.style.getPropertyValue('--line-height')).toBe('2');
    expect(el.style.getPropertyValue('--letter-spacing')).toBe('0.05em');
    expect(el.style.getPropertyValue('--word-spacing')).toBe('0.2em');
    expect(el.style.getPropertyValue('--paragraph-spacing')).toBe('1.5em');
  });

  it('changes spacing on the grid of its slider and the theme by its radio button', () => {
    const onChange = vi.fn();
    show(<SettingsPanel settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const slider = dom.root.querySelector<HTMLInputElement>('#setting-lineHeight')!;
    expect(slider.labels?.[0]?.textContent).toBe('Line spacing');
    slider.value = '1.7000000000000002';
    act(() => void slider.dispatchEvent(new Event('input', { bubbles: true })));
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, lineHeight: 1.7 });
    const contrast = [...dom.root.querySelectorAll<HTMLInputElement>('input[name=theme]')].find((i) => i.value === 'contrast')!;
    expect(contrast.parentElement?.textContent).toBe('High contrast');
    act(() => contrast.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'contrast' });
    const images = dom.root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    act(() => images.click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, images: false });
  });
});

function heading(id: string, text: string, level: 2 | 3 = 2): Block {
  return { id, type: 'heading', level, text, inlines: [{ text }] };
}
function paragraph(id: string): Block {
  return { id, type: 'paragraph', text: `Text of ${id}.`, inlines: [{ text: `Text of ${id}.` }] };
}
const SECTIONED: Article = {
  ...ARTICLE,
  quotes: [],
  speakers: [],
  folded: [],
  blocks: [paragraph('p0'), heading('h1', 'Before'), paragraph('p1'), heading('h2', 'During', 3), paragraph('p2'), heading('h3', 'After'), paragraph('p3')],
};

describe('contents', () => {
  it('is offered from three headings on, folded headings left out', () => {
    expect(headingsOf(SECTIONED, new Map()).map((h) => h.id)).toEqual(['h1', 'h2', 'h3']);
    expect(headingsOf(SECTIONED, new Map([['h2', { blockId: 'h2', reason: 'boilerplate:related', code: 'links' }]])).map((h) => h.id)).toEqual(['h1', 'h3']);
    show(<Reader article={ARTICLE} />);
    expect(dom.root.querySelector('.contents-toggle')).toBeNull();
  });

  it('lists the sections, jumps to one and gives it the focus, keyboard-usable', () => {
    show(<Reader article={SECTIONED} />);
    const toggle = dom.root.querySelector<HTMLButtonElement>('.contents-toggle')!;
    expect(toggle.textContent).toBe('Contents');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const links = [...dom.root.querySelectorAll<HTMLAnchorElement>('nav.contents-list a')];
    expect(links.map((a) => a.textContent)).toEqual(['Before', 'During', 'After']);
    expect(links[1].closest('li')?.className).toBe('level-3');
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    act(() => links[2].click());
    const target = dom.root.querySelector('[data-block-id="h3"]');
    expect(scrolled.mock.contexts[0]).toBe(target);
    expect(document.activeElement).toBe(target);
  });

  it('marks the last section whose heading is above the top of the view', () => {
    show(<Reader article={SECTIONED} />);
    const tops: Record<string, number> = { h1: -400, h2: 30, h3: 700 };
    for (const id of Object.keys(tops)) {
      dom.root.querySelector<HTMLElement>(`[data-block-id="${id}"]`)!.getBoundingClientRect = () => ({ top: tops[id] }) as DOMRect;
    }
    const headings = headingsOf(SECTIONED, new Map());
    expect(currentHeading(dom.root, headings, 48)).toBe('h2');
    expect(currentHeading(dom.root, headings, 10)).toBe('h1');
    tops.h1 = 200;
    expect(currentHeading(dom.root, headings, 48)).toBeNull();
  });
});

describe('reading position', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const at = (n: number) => ({ block: `b${n}`, offset: 0.5, progress: n / 10 });

  it('keeps the newest positions up to the bound, and drops expired ones', () => {
    let positions: Positions = {};
    for (let n = 0; n < 5; n++) positions = withPosition(positions, `a-${n}`, at(n), 1000 + n, 3);
    expect(Object.keys(positions).sort()).toEqual(['a-2', 'a-3', 'a-4']);
    // Saving again makes an article the newest.
    positions = withPosition(positions, 'a-2', at(7), 2000, 3);
    positions = withPosition(positions, 'a-9', at(9), 2001, 3);
    expect(Object.keys(positions).sort()).toEqual(['a-2', 'a-4', 'a-9']);
    expect(positions['a-2']).toEqual({ ...at(7), at: 2000 });
    const later = 2001 + (MAX_AGE_DAYS + 1) * DAY;
    expect(Object.keys(withPosition(positions, 'a-5', at(5), later, 3))).toEqual(['a-5']);
    // Saved at the same moment as the others: still kept, as the newest.
    const same = withPosition({ 'a-1': { ...at(1), at: 5 }, 'a-2': { ...at(2), at: 5 } }, 'a-3', at(3), 5, 2);
    expect(Object.keys(same).sort()).toEqual(['a-1', 'a-3']);
  });

  it('is saved only through a valid message (article key, block, offsets in 0..1)', () => {
    const position = { block: 'b12-3f9a', offset: 0.25, progress: 0.4 };
    expect(parseMessage({ type: 'position:set', articleKey: 'a-1x2y', position }, 'extension').ok).toBe(true);
    expect(parseMessage({ type: 'position:set', articleKey: '../settings', position }, 'extension').ok).toBe(false);
    expect(parseMessage({ type: 'position:set', articleKey: 'a-1x2y', position: { ...position, progress: 3 } }, 'extension').ok).toBe(false);
  });

  it('measures progress through the article body and the minutes left', () => {
    // A body 3000 px tall from y = 100, seen through a 600 px view under a 45 px bar.
    const body = (top: number) => ({ top, height: 3000 }) as DOMRect;
    expect(progressOf(body(100), 600, 45)).toBe(0);
    expect(progressOf(body(45 - 1222.5), 600, 45)).toBeCloseTo(0.5);
    expect(progressOf(body(-5000), 600, 45)).toBe(1);
    expect(progressOf({ top: 100, height: 300 } as DOMRect, 600, 45)).toBe(1); // all in view
    expect(minutesLeft(87, 0)).toBe(87);
    expect(minutesLeft(87, 0.5)).toBe(44);
    expect(minutesLeft(87, 0.999)).toBe(1);
    expect(minutesLeft(87, 1)).toBe(0);
  });

  it('restores the place in its block, or the same share of the article when the block is gone', () => {
    const scroll = vi.fn();
    window.scrollTo = scroll as never;
    show(<Reader article={SECTIONED} />);
    const p2 = dom.root.querySelector<HTMLElement>('[data-block-id="p2"]')!;
    p2.getBoundingClientRect = () => ({ top: 900, height: 200, bottom: 1100 }) as DOMRect;
    dom.root.querySelector<HTMLElement>('.article-body')!.getBoundingClientRect = () => ({ top: 100, height: 5000 }) as DOMRect;
    restore(dom.root, { block: 'p2', offset: 0.25, progress: 0.3 });
    expect(scroll).toHaveBeenLastCalledWith({ top: 950, behavior: 'instant' });
    restore(dom.root, { block: 'gone', offset: 0.25, progress: 0.5 });
    // 100 + 0.5 × (5000 − innerHeight); jsdom's innerHeight is 768.
    expect(scroll).toHaveBeenLastCalledWith({ top: 100 + 0.5 * (5000 - 768), behavior: 'instant' });
  });

  it('opens an article where the reader left it, but not at a place before its text (the top of the page)', async () => {
    const scroll = vi.fn();
    window.scrollTo = scroll as never;
    const key = identify(SECTIONED)!.key;
    show(<Reader article={SECTIONED} />);
    dom.root.querySelector<HTMLElement>('[data-block-id="p2"]')!.getBoundingClientRect = () => ({ top: 900, height: 200, bottom: 1100 }) as DOMRect;
    const mount = async () => {
      const stop = trackPosition(SECTIONED, dom.root);
      await new Promise((ok) => setTimeout(ok, 20)); // storage answers
      stop();
    };
    await positionsItem.setValue({ [key]: { block: 'p2', offset: 0, progress: 0, at: Date.now() } });
    await mount();
    expect(scroll).not.toHaveBeenCalled();
    await positionsItem.setValue({ [key]: { block: 'p2', offset: 0.5, progress: 0.4, at: Date.now() } });
    await mount();
    expect(scroll).toHaveBeenCalledWith({ top: 1000, behavior: 'instant' });
  });
});
