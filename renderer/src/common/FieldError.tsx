// A problem said under what it is about (a dialog's field, the editor): announced to screen
// readers as it appears, and nothing at all while there is none.
export function FieldError({ text, testId }: { text: string | null | undefined; testId: string }) {
  if (!text) return null;
  return (
    <p className="field-error" role="alert" data-testid={testId}>
      {text}
    </p>
  );
}
