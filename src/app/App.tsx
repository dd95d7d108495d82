import { useSyncExternalStore } from 'react';
import { I18nextProvider } from 'react-i18next';
import { LabProvider } from '../state/index.js';
import { AppShell } from '../ui/layout/AppShell.js';
import { Welcome } from '../ui/layout/Welcome.js';
import type { Booted } from './boot.js';

export function App({ booted }: { booted: Booted }) {
  const failed = useSyncExternalStore(booted.saveFailed.subscribe, booted.saveFailed.get);
  return (
    <I18nextProvider i18n={booted.i18n}>
      <LabProvider lab={booted.lab}>
        <AppShell storageFailed={failed} />
        <Welcome open={booted.welcome.open} onDismiss={booted.welcome.dismiss} />
      </LabProvider>
    </I18nextProvider>
  );
}
