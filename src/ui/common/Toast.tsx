import { useEffect } from 'react';

export interface ToastMessage {
  readonly id: number;
  readonly text: string;
  readonly action?: { readonly label: string; run(): void };
}

/** One short message at a time in a polite live region, so screen readers hear it too. */
export function Toast({ toast, onDone, dismissLabel }: { toast: ToastMessage | null; onDone(): void; dismissLabel: string }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDone, toast.action ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [toast, onDone]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" data-testid="toast">
          <span>{toast.text}</span>
          {toast.action && (
            <button type="button" className="btn btn-link" onClick={() => { toast.action?.run(); onDone(); }}>
              {toast.action.label}
            </button>
          )}
          <button type="button" className="btn btn-icon" aria-label={dismissLabel} onClick={onDone}>×</button>
        </div>
      )}
    </div>
  );
}
