import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { PersonalDataWarning } from '../../../components/PersonalDataWarning';
import { FieldChrome } from '../../../components/forms';
import { MessageBodyView } from '../message/MessageBody';
import { insertMention, mentionQuery, readableMention, toMachine, withPicked, type Draft, type Picked } from './mentions';
import { useMemberSearch } from './useMemberSearch';

interface Props {
  id: string;
  name?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  rows?: number;
  value: Draft;
  onChange(next: Draft): void;
  /** Ctrl+Enter or Cmd+Enter */
  onSend(): void;
  /** Esc with no list of people open (default: leave the box) */
  onEscape?(): void;
  /** What the shortcuts do here, as listed under the box: "sends", "cancels the reply". */
  sendsLabel?: string;
  escapeLabel?: string;
  onTyping?(): void;
  /** Shown under the box when its text is kept as a draft. */
  draftNote?: string;
  boxRef?: RefObject<HTMLTextAreaElement | null>;
  autoFocus?: boolean;
}

const isSend = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/**
 * A message's text box: Write and Preview tabs (the preview is the very renderer messages use),
 * @-mention autocomplete over all members (the WAI-ARIA combobox pattern on the text box, with a
 * listbox), the personal-data warning, and the keyboard shortcuts listed beside it. Hand-written:
 * combobox libraries (downshift) own an input's whole value, not a "@name" inside a longer text.
 */
export function MessageBox(props: Props) {
  const { id, name, label, hint, error, rows = 3, value, onChange, onSend, onEscape, onTyping, draftNote, autoFocus } = props;
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const box = props.boxRef ?? ownRef;
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [trigger, setTrigger] = useState<{ start: number; query: string } | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [inserted, setInserted] = useState('');
  const listening = !!trigger && trigger.start !== dismissed && tab === 'write';
  const search = useMemberSearch(listening ? trigger.query : null);
  const people = listening ? search.people : [];
  const open = people.length > 0;
  const listId = `${id}-people`;

  useEffect(() => setActive(0), [search.people]);
  // an error is about the text: show the text
  useEffect(() => {
    if (error) setTab('write');
  }, [error]);

  // A name typed out in full, matching one member exactly, is that member: as if picked from the list.
  const exact = search.settled && trigger ? search.people.filter((p) => p.displayName === trigger.query.trim()) : [];
  const typedOut = exact.length === 1 && !value.mentions.some((m) => m.id === exact[0].id) ? exact[0] : null;
  useEffect(() => {
    if (typedOut) onChange({ text: value.text, mentions: withPicked(value.mentions, typedOut) });
    // (only when a new one is found: the draft it changes is not what this waits on)
  }, [typedOut]);

  /** Where the caret is decides whether a "@name" is being typed. */
  function track(text: string, caret: number | null) {
    const found = caret === null ? null : mentionQuery(text, caret);
    setTrigger((t) => (t?.start === found?.start && t?.query === found?.query ? t : found));
    if (found?.start !== dismissed) setDismissed(null);
  }

  function pick(person: Picked) {
    const el = box.current;
    if (!el || !trigger) return;
    const next = insertMention(value.text, trigger.start, el.selectionStart, person);
    onChange({ text: next.text, mentions: withPicked(value.mentions, person) });
    setTrigger(null);
    // the inserted "@Name " would match again: not until the caret leaves it
    setDismissed(trigger.start);
    setInserted(`${readableMention(person)} inserted.`);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (isSend(e)) {
      e.preventDefault();
      return onSend();
    }
    if (open) {
      const n = people.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.altKey) {
        e.preventDefault();
        return pick(people[Math.min(active, n - 1)]);
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(trigger!.start);
        return;
      }
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (onEscape) onEscape();
      else box.current?.blur();
    }
  }

  function showTab(next: 'write' | 'preview', focus = false) {
    setTab(next);
    if (focus) requestAnimationFrame(() => document.getElementById(`${id}-tab-${next}`)?.focus());
    if (next === 'write') requestAnimationFrame(() => !focus && box.current?.focus());
  }

  function onTabKey(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      showTab(e.key === 'Home' ? 'write' : e.key === 'End' ? 'preview' : tab === 'write' ? 'preview' : 'write', true);
    }
  }

  const status = !listening
    ? inserted
    : !search.settled
      ? ''
      : open
        ? `${people.length} ${people.length === 1 ? 'person matches' : 'people match'}. Up and down arrows choose, Enter or Tab inserts, Escape closes the list.`
        : search.failed
          ? 'People could not be looked up just now.'
          : `No member matches “${trigger.query}”.`;
  const preview = toMachine(value.text, value.mentions);

  return (
    <FieldChrome id={id} label={label} hint={hint} error={error} compact>
      <div className="app-compose__tabs" role="tablist" aria-label="Write or preview">
        {(['write', 'preview'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`${id}-tab-${t}`}
            className="app-compose__tab"
            aria-selected={tab === t}
            aria-controls={`${id}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => showTab(t)}
            onKeyDown={onTabKey}
          >
            {t === 'write' ? 'Write' : 'Preview'}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel-write`} aria-labelledby={`${id}-tab-write`} hidden={tab !== 'write'} className="app-compose__panel">
        <textarea
          ref={box}
          id={id}
          name={name}
          rows={rows}
          autoFocus={autoFocus}
          className={`govuk-textarea govuk-!-margin-bottom-0${error ? ' govuk-textarea--error' : ''}`}
          aria-describedby={[hint && `${id}-hint`, error && `${id}-error`, `${id}-warning`, `${id}-keys`].filter(Boolean).join(' ')}
          aria-autocomplete="list"
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${Math.min(active, people.length - 1)}` : undefined}
          value={value.text}
          onChange={(e) => {
            onChange({ text: e.target.value, mentions: value.mentions });
            track(e.target.value, e.target.selectionStart);
            setInserted('');
            if (e.target.value) onTyping?.();
          }}
          onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setTrigger(null)}
          onKeyDown={onKeyDown}
        />
        {open && (
          <ul className="app-compose__people" role="listbox" id={listId} aria-label="People to mention">
            {people.map((p, i) => (
              <li
                key={p.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'app-compose__person app-compose__person--active' : 'app-compose__person'}
                // keep the caret in the box: a click picks, it does not blur
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(p)}
              >
                {p.displayName}
              </li>
            ))}
          </ul>
        )}
        <div className="govuk-visually-hidden" role="status" aria-live="polite">
          {status}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-preview`}
        aria-labelledby={`${id}-tab-preview`}
        hidden={tab !== 'preview'}
        tabIndex={0}
        className="app-compose__preview"
        onKeyDown={(e) => {
          if (isSend(e)) {
            e.preventDefault();
            onSend();
          } else if (e.key === 'Escape') showTab('write');
        }}
      >
        {preview.trim() ? <MessageBodyView body={preview} className="app-compose__preview-body" /> : <p className="govuk-body govuk-hint">Nothing to preview yet.</p>}
      </div>
      {/* (`-after`, as the other forms' fields name what follows them) */}
      <div id={`${id}-after`}>
        <PersonalDataWarning id={`${id}-warning`} text={value.text} mode="hold" />
      </div>
      <p className="govuk-body-s app-compose__help" id={`${id}-keys`}>
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> or <kbd>Cmd</kbd>+<kbd>Enter</kbd> {props.sendsLabel ?? 'sends'} · <kbd>Esc</kbd> closes the list of people
        {props.escapeLabel ? `, then ${props.escapeLabel}` : ''} · <kbd>@</kbd>name mentions any member
        {draftNote && (
          <>
            <br />
            {draftNote}
          </>
        )}
      </p>
    </FieldChrome>
  );
}
