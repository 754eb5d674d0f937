import type { Context } from '../context';
import type { QuoteSegment } from '../marks';
import { wordCount } from '../text';
import { readTag } from './read-tag';
import type { Tag } from './types';

/**
 * « A, a poursuivi X. B » / « A, s’indigne X, militante. B »: a tag inside the marks after a
 * comma (the French way of quoting), only in the inverted forms. Returns where the first part
 * ends, where the second resumes, and the tag with its speaker.
 */
export function incise(ctx: Context, seg: QuoteSegment): [{ cut: number; resume: number }, Tag] | null {
  const text = ctx.units[seg.block].text;
  for (let c = text.indexOf(',', seg.start); c >= 0 && c < seg.end; c = text.indexOf(',', c + 1)) {
    const tag = readTag(ctx, seg.block, c, Math.min(seg.end, c + 200), null);
    // One word before the tag ("« Bref, conclut X, une mission impossible »") only when the quote
    // goes on after a comma, and the tag names its speaker ("Yes, ask a bear," is no tag).
    const words = wordCount(text.slice(seg.start, c));
    if (!tag || !words || (words < 2 && !/^[\s\u00a0\u202f]*,/.test(text.slice(tag.end, seg.end)))) continue;
    const rest = /^[^.!?…;]*?[.!?…;,]?[\s\u00a0\u202f]*/.exec(text.slice(tag.end, seg.end))![0];
    // The tag ends its clause: punctuation, or the end of the quote, follows the speaker's phrase.
    if (tag.end + rest.length < seg.end && !/^[\s\u00a0\u202f]*[.!?…;,]/.test(text.slice(tag.end, seg.end))) continue;
    const who = ctx.speakerOf(tag.mention, ctx.sentence(seg.block, c), ctx.offsets[seg.block] + tag.end);
    if (!who.rec && (!who.unnamed || words < 2)) return null;
    const resume = tag.end + rest.length;
    return [{ cut: c, resume }, { ...tag, tier: 'incise', end: resume, who }];
  }
  return null;
}
