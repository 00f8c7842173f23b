/** A server's (or the form's own) message for one field, placed next to it and named by its aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return <p id={id} className="field-error">{message}</p>;
}

/** The attributes that tie an input to its FieldError. */
export const invalidProps = (id: string, message: string | undefined) =>
  message ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
