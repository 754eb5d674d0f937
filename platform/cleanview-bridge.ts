/**
 * The background's side of the clean view's line (R3, and Firefox): the frame framed over the
 * page connects to the background (`runtime.connect`, which Firefox gives an extension frame in a
 * web page, unlike `tabs`), naming the nonce of its open. The background accepts exactly one
 * port per open, from our clean view page in the tab that open was for, connects to the host
 * script in that tab's top frame with the same nonce, and relays: host states to the frame,
 * protocol messages from the frame to their handlers (as sender `cleanview`).
 */
import { browser, type Browser } from '#imports';
import { CLEANVIEW_PAGE, CLEANVIEW_PORT, HOST_PORT, type CleanViewRequest, type CleanViewState } from './cleanview';
import type { Reply, SenderKind } from './messages';

/** An accepted clean view: the way to its host. */
export interface BridgedView {
  tabId: number;
  toHost(request: CleanViewRequest): void;
}

/** Who sent a message, for the handlers. */
export interface From {
  kind: SenderKind;
  sender: Browser.runtime.MessageSender;
  /** Set for messages from the clean view frame. */
  view?: BridgedView;
}

/** Frame → background over the port: a protocol message with a number for its reply. */
export interface FrameRequest {
  id: number;
  message: unknown;
}
/** Background → frame: a reply, or the host's state. */
export type FrameMessage = { id: number; reply: Reply } | CleanViewState;

/** Nonces handed to a host for an open and not yet claimed by its frame: nonce → tab. */
const expected = new Map<string, number>();

/** A new open in `tabId` will show a frame with this nonce. */
export function expectFrame(nonce: string, tabId: number): void {
  expected.set(nonce, tabId);
}

/** The open did not use the nonce (the view was already open, or it stayed closed). */
export function forgetFrame(nonce: string): void {
  expected.delete(nonce);
}

/** Takes the nonce if it was handed out for this tab: true once per open, then never again. */
function claim(nonce: string, tabId: number | undefined): boolean {
  if (tabId === undefined || expected.get(nonce) !== tabId) return false;
  expected.delete(nonce);
  return true;
}

/**
 * Our extension's origins: its own, and in Chrome the per-session one of `use_dynamic_url`
 * pages, which `getURL` names while the frame's sender URL keeps the static one.
 */
export function ourOrigins(): string[] {
  const own = new URL(browser.runtime.getURL('/'));
  const page = new URL(browser.runtime.getURL(CLEANVIEW_PAGE));
  return [...new Set([own.origin, page.origin, `${own.protocol}//${browser.runtime.id}`])];
}

function fromOurCleanView(sender: Browser.runtime.MessageSender | undefined): boolean {
  const url = typeof sender?.url === 'string' ? sender.url : '';
  if (sender?.id !== browser.runtime.id) return false;
  return ourOrigins().some((origin) => {
    const page = origin + CLEANVIEW_PAGE;
    return url.startsWith(page) && /^(?:[?#]|$)/.test(url.slice(page.length));
  });
}

type Answer = (raw: unknown, from: From) => Promise<Reply>;

/** Accepts the frames' ports; call synchronously when the background starts. */
export function installCleanViewBridge(answer: Answer): void {
  browser.runtime.onConnect.addListener((frame) => {
    if (!frame.name.startsWith(`${CLEANVIEW_PORT}:`)) return;
    const nonce = frame.name.slice(CLEANVIEW_PORT.length + 1);
    const sender = frame.sender;
    const tabId = sender?.tab?.id;
    if (!sender || !fromOurCleanView(sender) || !claim(nonce, tabId)) {
      frame.disconnect();
      return;
    }
    const host = browser.tabs.connect(tabId!, { name: `${HOST_PORT}:${nonce}`, frameId: 0 });
    const view: BridgedView = { tabId: tabId!, toHost: (request) => host.postMessage(request) };
    const from: From = { kind: 'cleanview', sender, view };
    host.onMessage.addListener((state: CleanViewState) => {
      if (state?.type === 'state') frame.postMessage(state satisfies FrameMessage);
    });
    host.onDisconnect.addListener(() => frame.disconnect());
    frame.onDisconnect.addListener(() => host.disconnect());
    frame.onMessage.addListener((request: FrameRequest) => {
      if (typeof request?.id !== 'number') return;
      void answer(request.message, from).then((reply) => frame.postMessage({ id: request.id, reply } satisfies FrameMessage));
    });
  });
}
