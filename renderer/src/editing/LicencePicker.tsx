// The licence field: a pick list of the licences Fototar knows, and "Other…", which asks once
// for the exact text. A licence that is none of the known ones (typed elsewhere, imported, or
// given through "Other…") stays selectable as it is and is flagged beside the field.
import './licencePicker.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KNOWN_LICENCES, knownLicence } from '../../../shared/licences.ts';

const OTHER = '\u0000other';
const MIXED = '\u0000mixed';

/** Licences whose names are words, shown in the UI language; the stored value stays the name. */
const NAMED_IN_WORDS = { 'Public Domain Mark 1.0': 'publicDomainMark', 'All rights reserved': 'allRightsReserved' } as const;

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
  const { t } = useTranslation('editing');
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
        {mixed && <option value={MIXED}>{t('licence.mixed')}</option>}
        <option value="">{t('licence.none')}</option>
        {KNOWN_LICENCES.map((l) => (
          <option key={l.name} value={l.name}>
            {l.name in NAMED_IN_WORDS ? t(`licence.names.${NAMED_IN_WORDS[l.name as keyof typeof NAMED_IN_WORDS]}`) : l.name}
          </option>
        ))}
        {unknown && <option value={trimmed}>{t('licence.notKnown', { licence: trimmed })}</option>}
        <option value={OTHER}>{t('licence.other')}</option>
      </select>
      {unknown && !mixed && (
        <span className="field-hint field-warning" id={`${id}-warning`} data-testid="licence-warning" role="status">
          {t('licence.unknownWarning', { licence: trimmed })}
        </span>
      )}
      {asking && (
        <span className="licence-other" role="group" aria-label={t('licence.otherGroup')} data-testid="licence-other">
          <input
            ref={otherInput}
            type="text"
            className="text-input"
            data-testid="licence-other-input"
            aria-label={t('licence.otherInput')}
            placeholder={t('licence.otherPlaceholder')}
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
            {t('licence.use')}
          </button>
          <button type="button" className="button small ghost" onClick={() => finish(null)}>
            {t('licence.cancel')}
          </button>
        </span>
      )}
    </span>
  );
}
