import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { yCollab, ySyncAnnotation, yUndoManagerKeymap } from 'y-codemirror.next';
import { DESIGN_SECTION_MAX } from '@commons/domain';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/**
 * A section's text box: CodeMirror 6 bound to the section's Y.Text by y-codemirror.next, which also
 * draws the others' cursors and selections with their names (awareness). Its accessible name is the
 * section's title; `describedBy` points at the personal-data warning.
 */
export function DesignEditor({
  text,
  awareness,
  label,
  describedBy,
  onSelect,
}: {
  text: Y.Text;
  awareness: Awareness;
  label: string;
  describedBy: string;
  onSelect(range: { from: number; to: number }): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const undoManager = new Y.UndoManager(text);
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text.toString(),
        extensions: [
          keymap.of(yUndoManagerKeymap),
          yCollab(text, awareness, { undoManager }),
          EditorView.lineWrapping,
          // The section's limit, for what this person types; others' changes always apply, or the copies would part.
          EditorState.changeFilter.of((tr) => !!tr.annotation(ySyncAnnotation) || tr.newDoc.length <= DESIGN_SECTION_MAX),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy }),
          EditorView.updateListener.of((u) => {
            if (u.selectionSet) select.current({ from: u.state.selection.main.from, to: u.state.selection.main.to });
          }),
        ],
      }),
    });
    return () => {
      view.destroy();
      undoManager.destroy();
    };
  }, [text, awareness, label, describedBy]);

  return <div ref={host} className="app-design-editor" />;
}
