import { useId, useState } from 'react';
import type { MisalignmentView } from '@/lib/panel/view-types.ts';

/** One flag per kind: the headline toggles the reasons, so the header stays short until asked. */
function Flag({ misalignment }: { misalignment: MisalignmentView }) {
  const [open, setOpen] = useState(false);
  const reasonsId = useId();
  const tone = misalignment.direction ?? misalignment.kind;
  return (
    <li className={`gl-flag gl-flag--${tone}`} data-testid="misalignment-flag" data-kind={misalignment.kind}>
      <button
        type="button"
        className="gl-flag__toggle"
        aria-expanded={open}
        aria-controls={reasonsId}
        onClick={() => setOpen(!open)}
      >
        <span className="gl-flag__icon" aria-hidden="true">
          !
        </span>
        <span className="gl-flag__title">{misalignment.title}</span>
        {/* aria-expanded already says whether the reasons show; this is for the eye. */}
        <span className="gl-flag__more" aria-hidden="true">
          {open ? 'Hide' : 'Why?'}
        </span>
      </button>
      <ul id={reasonsId} className="gl-flag__reasons" hidden={!open}>
        {misalignment.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </li>
  );
}

/** The header's misalignment flags; an aligned account shows nothing at all. */
export function MisalignmentFlag({ misalignments }: { misalignments: MisalignmentView[] }) {
  if (misalignments.length === 0) return null;
  return (
    <ul className="gl-flags" aria-label="Tier misalignment">
      {misalignments.map((misalignment) => (
        <Flag key={misalignment.kind} misalignment={misalignment} />
      ))}
    </ul>
  );
}
