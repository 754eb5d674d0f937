/**
 * A minimal WebDriver BiDi client for a headless Firefox ESR (see ../shared/notes/firefox-e2e.md),
 * just enough for the clean view check next to it: launch with a fixed add-on host, install the
 * add-on, evaluate in page, frame and browser-window contexts. The Firefox e2e suite proper is
 * built elsewhere; this stays small on purpose.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX = '/usr/bin/firefox-esr';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface Firefox {
  call<T = Record<string, unknown>>(method: string, params: object): Promise<T>;
  /** Evaluates an expression (awaiting a promise) in a context; returns its value as JSON. */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

/** Starts Firefox with BiDi; `uuids` fixes the moz-extension host of add-on ids. */
export async function launchFirefox(uuids: Record<string, string>): Promise<Firefox> {
  const profile = mkdtempSync(join(tmpdir(), 'lucid-ff-'));
  writeFileSync(
    join(profile, 'user.js'),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify(uuids))});`,
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("browser.startup.homepage_override.mstone", "ignore");',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(FIREFOX, ['--headless', '--remote-debugging-port=0', '--remote-allow-system-access', '--no-remote', '--profile', profile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start BiDi: ${seen.slice(-500)}`)), 60_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
  });
  const ws = new WebSocket(`${address}/session`);
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  const pending = new Map<number, Pending>();
  let next = 0;
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: string; message?: string };
    if (message.id === undefined) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(`${message.error}: ${message.message}`));
    else waiting?.resolve(message.result);
  });
  const call = <T>(method: string, params: object) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call('session.new', { capabilities: {} });
  return {
    call,
    async evaluate<T>(context: string, expression: string): Promise<T> {
      const result = await call<{ type: string; result?: { value?: string }; exceptionDetails?: { text: string } }>('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (result.type !== 'success') throw new Error(`evaluate failed: ${result.exceptionDetails?.text}`);
      const json = result.result?.value;
      return (json === undefined ? undefined : JSON.parse(json)) as T;
    },
    async close() {
      await call('browser.close', {}).catch(() => undefined);
      ws.close();
      await new Promise((ok) => (child.exitCode !== null ? ok(null) : child.once('exit', ok)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
