import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal question with a confirm and a cancel button (native <dialog>: focus is trapped, Escape cancels).
 * Focus starts on Cancel, so Enter alone never destroys anything.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const previous = useRef<Element | null>(document.activeElement);
  const cancel = () => {
    // close before refocusing: while the modal is open the page behind it cannot take focus
    ref.current?.close();
    if (previous.current instanceof HTMLElement) previous.current.focus();
    onCancel();
  };
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="wb-dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div>{children}</div>
      <div className="dialog-buttons">
        <button type="button" className="danger" onClick={onConfirm}>{confirmLabel}</button>
        <button type="button" ref={cancelRef} onClick={cancel}>Cancel</button>
      </div>
    </dialog>
  );
}
