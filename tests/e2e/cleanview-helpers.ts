/**
 * Clean view e2e helpers. Headless Chromium does not turn key presses into extension commands
 * (CDP key events never reach the browser's shortcut handling), so the tests run an e2e build
 * (`wxt build --mode e2e`, into .output/chrome-mv3-e2e) whose background exposes the command
 * handler as `__lucidTestCommand`; production builds do not contain it.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { clickAction, launch, type Session } from './harness';

/** The extension API as seen inside `evaluate` callbacks (which run in the browser). */
export type ChromeApi = typeof browser;

export const E2E_EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');

export function buildForE2E(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'ignore' });
}

export function launchE2E(profile?: string): Promise<Session> {
  return launch({ extensionDir: E2E_EXTENSION_DIR, profile });
}

/**
 * Gives the extension a host permission without the browser's prompt (which headless Chromium
 * cannot answer): chrome://extensions grants it as "runtime granted", after which
 * permissions.request for it resolves true at once, as if the reader had clicked "Allow".
 */
export async function preGrantHost(session: Session, pattern: string): Promise<void> {
  const page = await session.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    ([id, host]) =>
      (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id, host),
    [session.extensionId, pattern],
  );
  await page.close();
}

export function serviceWorker(session: Session) {
  const worker = session.context.serviceWorkers()[0];
  if (!worker) throw new Error('No service worker');
  return worker;
}

/** The activeTab grant, as the toolbar click gives it (the popup it opens is closed again). */
export async function grantActiveTab(session: Session, page: Page): Promise<void> {
  const popup = await clickAction(session, page);
  await popup.close();
}

/** Runs the keyboard command's handler for the active tab, as a key press would. */
export async function pressCommand(session: Session, page: Page): Promise<void> {
  await page.bringToFront();
  await serviceWorker(session).evaluate(async () => {
    const { chrome, __lucidTestCommand: run } = globalThis as unknown as { chrome: ChromeApi; __lucidTestCommand: (c: string, t: unknown) => Promise<void> };
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    await run('toggle-clean-view', tab);
  });
}

export function cleanViewFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => f.url().includes('/cleanview.html'));
}

export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Waits for the clean view to show an article; returns its frame. */
export async function openedView(page: Page): Promise<Frame> {
  const frame = await waitFor(() => cleanViewFrame(page), 'the clean view frame');
  await frame.waitForSelector('.article h1', { timeout: 10_000 });
  return frame;
}

export async function closedView(page: Page): Promise<void> {
  await waitFor(() => !cleanViewFrame(page), 'the clean view to close');
}

/**
 * Escape, pressed in the focused clean view. Not `keyboard.press`: the view closes on key
 * down, taking its frame with it, and the frame's key-up acknowledgement never comes.
 */
export async function pressEscape(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  void cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 }).catch(() => undefined);
  await closedView(page);
  await cdp.detach().catch(() => undefined);
}
