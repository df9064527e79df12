// The sidebar's one-line "name it" form, for a new collection and for a saved search: Enter
// submits, Esc closes it (and only it). The caller owns the name and what submitting does.
export function SidebarNameForm({ testId, label, placeholder, submitLabel, name, busy, onName, onSubmit, onClose }: {
  /** `<testId>-name` and `<testId>-create` name the field and the button. */
  testId: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  name: string;
  busy: boolean;
  onName(name: string): void;
  onSubmit(): void;
  onClose(): void;
}) {
  return (
    <form
      className="sidebar-new"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <input
        autoFocus
        className="text-input"
        data-testid={`${testId}-name`}
        aria-label={label}
        placeholder={placeholder}
        maxLength={200}
        value={name}
        onChange={(e) => onName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <button type="submit" className="button small primary" data-testid={`${testId}-create`} disabled={!name.trim() || busy}>
        {submitLabel}
      </button>
    </form>
  );
}
