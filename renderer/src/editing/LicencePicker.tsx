// The licence field: a pick list of the licences Fototar knows, and "Other…", which asks once
// for the exact text. A licence that is none of the known ones (typed elsewhere, imported, or
// given through "Other…") stays selectable as it is and is flagged beside the field.
import './licencePicker.css';
import { useEffect, useRef, useState } from 'react';
import { KNOWN_LICENCES, knownLicence, unknownLicenceMessage } from '../../../shared/licences.ts';

const OTHER = '\u0000other';
const MIXED = '\u0000mixed';

export function LicencePicker({
  id,
  value,
  mixed = false,
  invalid = false,
  onPick,
}: {
  id: string;
  value: string;
  /** Batch editing: the selected photos differ, and nothing is picked yet. */
  mixed?: boolean;
  invalid?: boolean;
  onPick(value: string): void;
}) {
  const [asking, setAsking] = useState(false);
  const [other, setOther] = useState('');
  const otherInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (asking) otherInput.current?.focus();
  }, [asking]);

  const trimmed = value.trim();
  const known = trimmed ? knownLicence(trimmed) : undefined;
  const unknown = trimmed !== '' && !known;
  // A known licence written another way is shown under its usual name.
  const selected = mixed ? MIXED : known ? known.name : trimmed;

  const finish = (text: string | null) => {
    setAsking(false);
    if (text !== null && text.trim()) onPick(text.trim());
  };

  return (
    <span className="licence-picker">
      <select
        id={id}
        name="licence"
        data-testid="field-licence"
        value={selected}
        aria-invalid={invalid || unknown || undefined}
        aria-describedby={unknown ? `${id}-warning` : undefined}
        className={mixed ? 'mixed' : undefined}
        onChange={(e) => {
          const next = e.target.value;
          if (next === OTHER) {
            setOther(unknown ? trimmed : '');
            setAsking(true);
          } else if (next !== MIXED) onPick(next);
        }}
      >
        {mixed && <option value={MIXED}>Mixed: left as is unless you pick</option>}
        <option value="">None recorded</option>
        {KNOWN_LICENCES.map((l) => (
          <option key={l.name} value={l.name}>
            {l.name}
          </option>
        ))}
        {unknown && <option value={trimmed}>{trimmed} (not a known licence)</option>}
        <option value={OTHER}>Other…</option>
      </select>
      {unknown && !mixed && (
        <span className="field-hint field-warning" id={`${id}-warning`} data-testid="licence-warning" role="status">
          {unknownLicenceMessage(trimmed)}
        </span>
      )}
      {asking && (
        <span className="licence-other" role="group" aria-label="Another licence" data-testid="licence-other">
          <input
            ref={otherInput}
            type="text"
            className="text-input"
            data-testid="licence-other-input"
            aria-label="The licence, exactly as the source gives it"
            placeholder="exactly as the source gives it"
            value={other}
            maxLength={2000}
            onChange={(e) => setOther(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                finish(other);
              } else if (e.key === 'Escape') {
                // Closes the question only, not the panel around it.
                e.preventDefault();
                e.stopPropagation();
                e.nativeEvent.stopImmediatePropagation();
                finish(null);
              }
            }}
          />
          <button type="button" className="button small primary" data-testid="licence-other-ok" disabled={!other.trim()} onClick={() => finish(other)}>
            Use
          </button>
          <button type="button" className="button small ghost" onClick={() => finish(null)}>
            Cancel
          </button>
        </span>
      )}
    </span>
  );
}
