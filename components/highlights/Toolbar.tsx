/**
 * The small toolbar by a selection (highlight in a colour, highlight with a note, copy) or by
 * a highlight (recolour, note, copy, delete). Buttons have accessible names; Escape closes.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { COLOURS, type Colour } from '../../utils/highlights/types';

/** Where the toolbar points: the selection's or the highlight's box, in viewport pixels. */
export interface Anchor {
  top: number;
  bottom: number;
  left: number;
}

const GAP = 6;
const EDGE = 8;

/** Fixed under the anchor, or above it when there is no room below; kept inside the viewport. */
function usePosition(at: Anchor) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { offsetWidth: width, offsetHeight: height } = el;
    const below = at.bottom + GAP + height <= innerHeight - EDGE || at.top - GAP - height < EDGE;
    el.style.top = `${Math.max(EDGE, below ? at.bottom + GAP : at.top - GAP - height)}px`;
    el.style.left = `${Math.max(EDGE, Math.min(at.left, innerWidth - width - EDGE))}px`;
  });
  return ref;
}

function ColourButtons({ current, onColour }: { current?: Colour; onColour: (c: Colour) => void }) {
  return (
    <>
      {COLOURS.map((c) => (
        <button
          key={c}
          type="button"
          class={`swatch ${c}`}
          aria-label={i18n.t(`highlight.${c}`)}
          title={i18n.t(`highlight.${c}`)}
          aria-pressed={current === undefined ? undefined : current === c}
          onClick={() => onColour(c)}
        />
      ))}
    </>
  );
}

function NoteEditor({ note, onSave }: { note: string; onSave: (note: string) => void }) {
  const [value, setValue] = useState(note);
  const field = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => field.current?.focus(), []);
  return (
    <form
      class="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value);
      }}
    >
      <textarea ref={field} rows={3} aria-label={i18n.t('highlight.noteLabel')} value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <button type="submit" class="primary">{i18n.t('highlight.saveNote')}</button>
    </form>
  );
}

function Bar({ at, onClose, children }: { at: Anchor; onClose: () => void; children: ComponentChildren }) {
  const ref = usePosition(at);
  return (
    <div
      ref={ref}
      class="highlight-toolbar ui"
      role="toolbar"
      aria-label={i18n.t('highlight.toolbar')}
      lang={navigator.language}
      // Pressing a button must not clear the selection it acts on (nor take the focus from a mark).
      onMouseDown={(e) => (e.target as Element).closest('button') && e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault(); // The clean view closes on an Escape nobody took.
        onClose();
      }}
    >
      {children}
    </div>
  );
}

/** A text button; `name` is a longer accessible name (that contains the visible label). */
const Text = ({ label, name, onClick, class: cls }: { label: string; name?: string; onClick: () => void; class?: string }) => (
  <button type="button" class={cls ? `quiet ${cls}` : 'quiet'} aria-label={name} onClick={onClick}>{label}</button>
);

export interface SelectionToolbarProps {
  at: Anchor;
  onColour: (colour: Colour) => void;
  onNote: () => void;
  onCopy: () => void;
  onClose: () => void;
}

/** By a selection: highlight it in a colour, or highlight it and write a note, or copy it. */
export function SelectionToolbar({ at, onColour, onNote, onCopy, onClose }: SelectionToolbarProps) {
  return (
    <Bar at={at} onClose={onClose}>
      <ColourButtons onColour={onColour} />
      <Text label={i18n.t('highlight.editNote')} name={i18n.t('highlight.addNote')} onClick={onNote} />
      <Text label={i18n.t('highlight.copyShort')} name={i18n.t('highlight.copy')} onClick={onCopy} />
    </Bar>
  );
}

export interface HighlightToolbarProps {
  at: Anchor;
  colour: Colour;
  note: string;
  /** Open the note editor at once (after "add a note"). */
  editing: boolean;
  onColour: (colour: Colour) => void;
  onNote: (note: string) => void;
  onCopy: () => void;
  onDelete: () => void;
  onClose: () => void;
}

/** By a highlight: recolour it, write its note, copy its text, delete it. */
export function HighlightToolbar({ at, colour, note, editing, onColour, onNote, onCopy, onDelete, onClose }: HighlightToolbarProps) {
  const [noteOpen, setNoteOpen] = useState(editing);
  const row = useRef<HTMLDivElement>(null);
  // Opened from a highlight, the focus moves into the toolbar (back to the highlight on close).
  useLayoutEffect(() => {
    if (!editing) row.current?.querySelector<HTMLElement>('button[aria-pressed="true"]')?.focus();
  }, []);
  return (
    <Bar at={at} onClose={onClose}>
      <div ref={row} class="toolbar-row">
        <ColourButtons current={colour} onColour={onColour} />
        <button type="button" class="quiet" aria-expanded={noteOpen} onClick={() => setNoteOpen(!noteOpen)}>{i18n.t('highlight.editNote')}</button>
        <Text label={i18n.t('highlight.copyShort')} name={i18n.t('highlight.copy')} onClick={onCopy} />
        <Text label={i18n.t('highlight.deleteShort')} name={i18n.t('highlight.delete')} onClick={onDelete} class="danger" />
        <button type="button" class="quiet close" aria-label={i18n.t('highlight.close')} title={i18n.t('highlight.close')} onClick={onClose}>×</button>
      </div>
      {noteOpen && <NoteEditor note={note} onSave={onNote} />}
    </Bar>
  );
}
