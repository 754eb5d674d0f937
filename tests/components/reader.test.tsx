// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { BlockView } from '../../components/BlockView';
import { Reader } from '../../components/Reader';
// Loaded by the Reader after paint: loaded here first, so that it is not fetched after a test ends.
import '../../components/reading/position';
import { ARTICLE } from './fixtures';
import { useDom } from './dom';

const dom = useDom();
const { show, click } = dom;
const button = (name: string) => [...dom.root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent)?.includes(name));

describe('a figure folded because its caption repeats the text', () => {
  it('keeps its picture and folds only the caption', () => {
    const article = { ...ARTICLE, folded: [{ blockId: 'f1', reason: 'duplicate' as const, code: 'repeat' as const, of: 'p1', detail: 'caption repeats the text' }] };
    show(<Reader article={article} />);
    const figure = dom.root.querySelector('[data-block-id="f1"] figure');
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('A cat');
    expect(figure?.querySelector('figcaption')).toBeNull();
  });
});

describe('BlockView', () => {
  it('renders every block type as elements whose text is the block text', () => {
    for (const block of ARTICLE.blocks) {
      show(<BlockView block={block} />);
      const text = block.type === 'list' || block.type === 'table' ? block.text.replace(/[\n\t]/g, '') : block.text;
      expect(dom.root.textContent?.replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });

  it('keeps links, alt text and lazy images', () => {
    show(<BlockView block={ARTICLE.blocks[1]} />);
    expect(dom.root.querySelector('a')?.getAttribute('href')).toBe('https://example.org/s');
    expect(dom.root.querySelector('a')?.rel).toContain('noopener');
    show(<BlockView block={ARTICLE.blocks[5]} />);
    const img = dom.root.querySelector('img')!;
    expect([img.alt, img.getAttribute('loading')]).toEqual(['A cat', 'lazy']);
    expect(dom.root.querySelector('figcaption')?.textContent).toContain('A cat.');
  });

  it('lays marks over the runs, labelled on their last piece', () => {
    const mark = { start: 1, end: 30, class: 'quote', label: 'Ada', data: { 'quote-id': 'q9' } };
    show(<BlockView block={ARTICLE.blocks[1]} marks={[mark]} />);
    const marks = [...dom.root.querySelectorAll('mark')];
    expect(marks.length).toBeGreaterThan(1); // cut by the <strong> run
    expect(marks.map((m) => m.dataset.label ?? '')).toEqual([...marks.slice(1).map(() => ''), 'Ada']);
    expect(dom.root.querySelector('p')?.textContent).toBe(ARTICLE.blocks[1].text);
  });
});

describe('Reader', () => {
  it('shows the header, hides folded lines behind a quiet summary', () => {
    show(<Reader article={ARTICLE} />);
    expect(dom.root.querySelector('h1')?.textContent).toBe('A test article');
    expect(dom.root.querySelector('.facts')?.textContent).toMatch(/^Jo Writer · .*2024 · 1 min read$/);
    expect(dom.root.querySelector('article')?.lang).toBe('en');
    expect(dom.root.textContent).not.toContain('Read more: other stories');
    const summary = dom.root.querySelector('[data-testid=folded-summary]')!;
    expect(summary.textContent).toBe('1 line folded');
    click(summary);
    expect(dom.root.querySelector('.fold-reason')?.textContent).toBe('Folded: related links');
    click(button('Unfold'));
    expect(dom.root.textContent).toContain('Read more: other stories');
    expect(button('Fold again')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('saves corrections through onVerdict and applies them at once', async () => {
    const onVerdict = vi.fn(async () => undefined);
    show(<Reader article={ARTICLE} onVerdict={onVerdict} />);
    click(dom.root.querySelector('[data-testid=folded-summary]'));
    click(dom.root.querySelector('[data-block-id=p3] button'));
    expect(onVerdict).toHaveBeenCalledWith(ARTICLE.blocks[3], 'clutter');
    expect(dom.root.querySelector('[data-testid=folded-summary]')?.textContent).toBe('2 lines folded');
    expect(dom.root.querySelector('[data-block-id=p3] .fold-reason')?.textContent).toBe('Folded: you marked this as clutter');
    click(button('This is content'));
    expect(onVerdict).toHaveBeenLastCalledWith(ARTICLE.blocks[2], 'content');
    expect(dom.root.querySelector('[data-testid=folded-summary]')?.textContent).toBe('1 line folded');
  });

  it('labels a quote of nobody named ("unnamed source", "speaker not named") only when its tier is sure', () => {
    const quotes = [
      { id: 'u0', text: 'it is fine', kind: 'reported' as const, speaker: null, unnamed: true, tier: 'reported', confidence: 1, blockId: 'p3', start: 16, end: 26 },
      { id: 'u1', text: 'We will stay,', kind: 'direct' as const, speaker: null, tier: 'after-pronoun-unknown', confidence: 0.94, blockId: 'p1', start: 1, end: 14 },
      { id: 'u2', text: 'Read more', kind: 'direct' as const, speaker: null, tier: 'floating-far', confidence: 0.6, blockId: 'p2', start: 0, end: 9 },
    ];
    show(<Reader article={{ ...ARTICLE, folded: [], quotes, speakers: [] }} />);
    const labels = [...dom.root.querySelectorAll('mark.quote.nobody')].map((m) => (m as HTMLElement).dataset.label);
    expect(labels.sort()).toEqual(['speaker not named', 'unnamed source']);
    expect(dom.root.querySelectorAll('[data-testid=speaker-name]')).toHaveLength(0);
  });

  it('shows no correction buttons without onVerdict', () => {
    show(<Reader article={ARTICLE} />);
    click(dom.root.querySelector('[data-testid=folded-summary]'));
    expect(button('This is clutter')).toBeUndefined();
  });

  it('lists speakers, labels quotes (unsure ones as "probably") and steps through a speaker\'s quotes', () => {
    show(<Reader article={ARTICLE} />);
    // One line in the tools row; the panel opens on demand.
    const toggle = button('Who is quoted');
    expect(toggle?.textContent).toBe('Who is quoted · 2');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(dom.root.querySelector('[data-testid=speaker-name]')).toBeNull();
    click(toggle);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    const names = [...dom.root.querySelectorAll('[data-testid=speaker-name]')].map((e) => e.textContent);
    expect(names).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(dom.root.querySelector('.panel-subtitle')?.textContent).toBe('Uncertain attributions');
    expect([...dom.root.querySelectorAll('mark.quote')].map((m) => (m as HTMLElement).dataset.label)).toEqual(['Ada Lovelace', 'probably Grace Hopper']);
    click(button('Ada Lovelace'));
    expect(button('Ada Lovelace')?.getAttribute('aria-pressed')).toBe('true');
    expect(dom.root.querySelectorAll('mark.quote.chosen')).toHaveLength(1);
    expect(dom.root.querySelector('mark.current')?.textContent).toBe('We will stay,');
    expect(dom.root.querySelector('.stepper-count')?.textContent).toBe('Quote 1 of 1');
    click(button('Show all quotes'));
    expect(dom.root.querySelectorAll('mark.quote.chosen')).toHaveLength(0);
    expect(document.activeElement?.classList.contains('speaker')).toBe(true);
  });

  it('lists organisations under their own title and no description with no name', () => {
    const quotes = [
      ...ARTICLE.quotes,
      { id: 'q2', text: 'The ice is thin.', kind: 'direct' as const, speaker: 'Coast Guard', tier: 'after', confidence: 0.95, blockId: 'p3', start: 0, end: 10 },
      { id: 'q3', text: 'Stay home', kind: 'direct' as const, speaker: 'expert', tier: 'after', confidence: 0.95, blockId: 'p3', start: 12, end: 20 },
    ];
    const speakers = [
      ...ARTICLE.speakers,
      { name: 'Coast Guard', aliases: [], quoteIds: ['q2'], organisation: true },
      { name: 'expert', aliases: [], quoteIds: ['q3'], described: true },
    ];
    show(<Reader article={{ ...ARTICLE, quotes, speakers }} />);
    const toggle = button('Who is quoted');
    expect(toggle?.textContent).toBe('Who is quoted · 3');
    click(toggle);
    expect([...dom.root.querySelectorAll('[data-testid=speaker-name]')].map((e) => e.textContent)).toEqual(['Ada Lovelace', 'Coast Guard', 'Grace Hopper']);
    expect([...dom.root.querySelectorAll('.panel-subtitle')].map((e) => e.textContent)).toEqual(['Organisations', 'Uncertain attributions']);
    // The description stays the label of its quote.
    expect([...dom.root.querySelectorAll('mark.quote')].map((m) => (m as HTMLElement).dataset.label)).toContain('expert');
  });

  it('hides the speakers panel when nobody is quoted', () => {
    show(<Reader article={{ ...ARTICLE, quotes: [], speakers: [] }} />);
    expect(dom.root.querySelector('.speakers')).toBeNull();
    expect(button('Who is quoted')).toBeUndefined();
    expect(dom.root.querySelector('.tools-row [data-testid=folded-summary]')).not.toBeNull();
  });

  it('sets the direction of right-to-left articles', () => {
    show(<Reader article={{ ...ARTICLE, lang: 'ar', dir: 'rtl' }} />);
    expect(dom.root.querySelector('article')?.getAttribute('dir')).toBe('rtl');
  });
});
