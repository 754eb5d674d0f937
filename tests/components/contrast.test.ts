/**
 * WCAG AA in every theme: the text colours of components/reader.css against its backgrounds
 * (light and dark from `light-dark()`, sepia and high contrast from their own blocks), ≥ 4.5:1 for text and
 * ≥ 3:1 for the focus ring, rules around controls and the chosen-quote background.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync('components/reader.css', 'utf8');

function block(selector: string): string {
  const start = CSS.indexOf(`${selector} {`);
  return CSS.slice(start, CSS.indexOf('}', start));
}

function palettes(): Record<string, Record<string, string>> {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  for (const [, name, a, b] of block(':root').matchAll(/--([\w-]+):\s*light-dark\((#\w+),\s*(#\w+)\)/g)) {
    light[name] = a;
    dark[name] = b;
  }
  const own = (theme: string) => Object.fromEntries([...block(`:root[data-theme='${theme}']`).matchAll(/--([\w-]+):\s*(#\w+)/g)].map(([, n, c]) => [n, c]));
  return { light, dark, sepia: own('sepia'), contrast: own('contrast') };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('theme contrast (WCAG AA)', () => {
  const themes = palettes();
  it('parses four full palettes', () => {
    for (const p of Object.values(themes)) expect(Object.keys(p).sort()).toEqual(['accent', 'bg', 'chosen', 'current', 'fg', 'line', 'muted', 'surface']);
  });
  for (const [theme, p] of Object.entries(themes)) {
    it(`${theme}: text, muted text and links on every background`, () => {
      for (const bg of [p.bg, p.surface]) {
        expect(contrast(p.fg, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(p.muted, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(p.accent, bg)).toBeGreaterThanOrEqual(4.5);
      }
      // Text on a chosen quote; the selected segment (bg-coloured text on the accent).
      expect(contrast(p.fg, p.chosen)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.bg, p.accent)).toBeGreaterThanOrEqual(4.5);
      // Non-text: the focus ring and the current-quote underline.
      expect(contrast(p.accent, p.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.current, p.chosen)).toBeGreaterThanOrEqual(3);
    });
  }
  it('high contrast goes past AA: text at AAA (7:1) on every background', () => {
    const p = themes.contrast;
    for (const bg of [p.bg, p.surface]) for (const fg of [p.fg, p.muted, p.accent]) expect(contrast(fg, bg)).toBeGreaterThanOrEqual(7);
    expect(contrast(p.fg, p.chosen)).toBeGreaterThanOrEqual(7);
  });
});
