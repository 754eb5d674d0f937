// @vitest-environment jsdom
/**
 * Second red-team pass (issue 12): the options page's "Always use clean view on <site>?" opens
 * in a new tab right under the reader's pointer after a click on the clean view's switch, and a
 * page can draw a decoy over the view (a top-layer element with `pointer-events: none`; see the
 * README). Its "Allow" must not take the second click of a double click: it is disabled for a
 * moment after it shows.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../components/locale';

const granted = vi.hoisted(() => vi.fn(async () => true));
vi.mock('../../platform/auto-open', async (original) => ({
  ...(await original<typeof import('../../platform/auto-open')>()),
  alwaysUseCleanView: granted,
}));
const { CONFIRM_ARM_MS, ConfirmSite } = await import('../../entrypoints/options/Options');

let root: HTMLElement;
beforeEach(() => {
  useLocale('en');
  vi.useFakeTimers();
  granted.mockClear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const allowButton = () => root.querySelector<HTMLButtonElement>('.confirm button')!;

describe('the options page confirmation of a site', () => {
  it('refuses a click as it appears, and takes one a moment later', async () => {
    act(() => render(<ConfirmSite site="example.com" onDone={() => undefined} />, root));
    act(() => allowButton().click());
    expect(allowButton().disabled).toBe(true);
    expect(granted).not.toHaveBeenCalled();
    await act(async () => {
      vi.advanceTimersByTime(CONFIRM_ARM_MS);
    });
    expect(allowButton().disabled).toBe(false);
    act(() => allowButton().click());
    expect(granted).toHaveBeenCalledWith('example.com');
  });
});
