import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Toast, type ToastMessage } from '../common/Toast.js';

type Show = (text: string, action?: ToastMessage['action']) => void;
const ToastContext = createContext<Show>(() => undefined);

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const show = useCallback<Show>((text, action) => setToast({ id: Date.now(), text, ...(action ? { action } : {}) }), []);
  const done = useCallback(() => setToast(null), []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <Toast toast={toast} onDone={done} dismissLabel={t('dismiss')} />
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
