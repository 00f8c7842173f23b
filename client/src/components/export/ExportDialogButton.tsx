// A button that opens the export dialog for one table or figure; any screen can place one next to what it shows.
import { useEffect, useRef, useState } from 'react';
import { ExportDialog, type ExportDialogProps } from './ExportDialog.tsx';

export function ExportButton({ label, ...props }: Omit<ExportDialogProps, 'onClose'> & { label: string }) {
  const [open, setOpen] = useState(false);
  const opener = useRefFocusReturn(open);
  return (
    <>
      <button type="button" className="export-button" ref={opener} aria-haspopup="dialog" onClick={() => setOpen(true)}>{label}</button>
      {open && <ExportDialog {...props} onClose={() => setOpen(false)} />}
    </>
  );
}

/** Focus goes back to the button that opened the dialog when it closes. */
function useRefFocusReturn(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
