/** The reader's "this is clutter / this is content" on a block, saved as a per-site fold rule. */
import { i18n } from '#i18n';
import { send } from '../platform/send';
import { fingerprint } from '../utils/fold/normalise';
import type { Block } from '../utils/types';
import type { Verdict } from './folds';

/** Saves the verdict through the background; returns the notice to show the reader. */
export async function saveVerdict(site: string, block: Block, verdict: Verdict): Promise<string> {
  try {
    await send({ type: 'rules:set', site, fingerprint: fingerprint(block.text), verdict });
    return i18n.t(verdict === 'clutter' ? 'fold.savedClutter' : 'fold.savedContent', [site]);
  } catch (err) {
    return i18n.t('fold.saveFailed', [err instanceof Error ? err.message : String(err)]);
  }
}

/** The views' "this is clutter / this is content" handler for a page of `site`; none for a page with no site. */
export function verdictsFor(site: string | null | undefined, notify: (notice: string) => void): ((block: Block, verdict: Verdict) => Promise<void>) | undefined {
  return site ? async (block, verdict) => notify(await saveVerdict(site, block, verdict)) : undefined;
}
