/**
 * A minimal WebDriver BiDi client on `ws`: commands with replies, and events. Firefox speaks
 * BiDi natively, so the Firefox end-to-end tests need no driver and no browser download.
 */
import WebSocket from 'ws';

export interface Bidi {
  send<T = Record<string, unknown>>(method: string, params?: object): Promise<T>;
  on(event: string, listener: (params: Record<string, unknown>) => void): void;
  close(): void;
}

export async function connectBidi(url: string): Promise<Bidi> {
  const socket = new WebSocket(url);
  await new Promise((ok, fail) => {
    socket.once('open', ok);
    socket.once('error', fail);
  });
  let nextId = 1;
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void; method: string }>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as {
      type: 'success' | 'error' | 'event';
      id?: number;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.type === 'event') {
      for (const listener of listeners.get(message.method!) ?? []) listener(message.params ?? {});
      return;
    }
    const entry = message.id !== undefined ? waiting.get(message.id) : undefined;
    if (!entry) return;
    waiting.delete(message.id!);
    if (message.type === 'error') entry.fail(new Error(`${entry.method}: ${message.error}: ${message.message}`));
    else entry.ok(message.result);
  });
  socket.on('close', () => {
    for (const entry of waiting.values()) entry.fail(new Error('the browser closed the connection'));
    waiting.clear();
  });
  return {
    send<T>(method: string, params: object = {}) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error('the browser connection is closed'));
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise<T>((ok, fail) => waiting.set(id, { ok: ok as (v: unknown) => void, fail, method }));
    },
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    close: () => socket.close(),
  };
}
