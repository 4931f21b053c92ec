import { type ReactNode, useId } from 'react';
import type { LockedSetting } from '@/lib/settings/settings.ts';

/** The note beside a setting the administrator's policy sets; fields point at it with aria-describedby. */
export function PolicyNote({ id }: { id: string }) {
  return (
    <p id={id} className="policy-note">
      Set by your administrator
    </p>
  );
}

interface PolicyFieldProps {
  setting: LockedSetting;
  label: string;
  locked: boolean;
  /** The field (`id`), disabled while the policy sets it and then described by the note (`noteId`). */
  field: (lock: { id: string; disabled: boolean; noteId: string | undefined }) => ReactNode;
}

/** A labelled setting the administrator's policy may set, with the note that says so. */
export function PolicyField({ setting, label, locked, field }: PolicyFieldProps) {
  const id = useId();
  const noteId = locked ? `${setting}-locked` : undefined;
  return (
    <>
      <label htmlFor={id}>
        {label}
        {field({ id, disabled: locked, noteId })}
      </label>
      {noteId && <PolicyNote id={noteId} />}
    </>
  );
}

function isHttpsLink(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** How to get a token, in the administrator's words; an https address becomes a link. */
export function SsoHint({ id, hint }: { id: string; hint: string }) {
  return (
    <p id={id} className="hint">
      {isHttpsLink(hint) ? (
        <>
          Get your token at{' '}
          <a href={hint} target="_blank" rel="noreferrer">
            {hint}
          </a>
        </>
      ) : (
        hint
      )}
    </p>
  );
}

/** Policy values the extension could not use, so the administrator's mistake is visible, not silent. */
export function PolicyDiagnostics({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <section className="policy-diagnostics" aria-labelledby="policy-diagnostics-title">
      <h2 id="policy-diagnostics-title">Policy problems</h2>
      <p>Your administrator’s policy has values Goal Lens ignored; tell them:</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </section>
  );
}
