import { useSyncExternalStore } from 'react';
import { I18nextProvider } from 'react-i18next';
import { LabProvider } from '../state/index.js';
import { AppShell } from '../ui/layout/AppShell.js';
import type { Booted } from './boot.js';

export function App({ booted }: { booted: Booted }) {
  const failed = useSyncExternalStore(booted.saveFailed.subscribe, booted.saveFailed.get);
  return (
    <I18nextProvider i18n={booted.i18n}>
      <LabProvider lab={booted.lab}>
        <AppShell storageFailed={failed} />
      </LabProvider>
    </I18nextProvider>
  );
}
