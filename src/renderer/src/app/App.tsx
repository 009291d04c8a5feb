import { CssBaseline, ThemeProvider } from '@mui/material';
import { createHashRouter, createRoutesFromElements, Route, RouterProvider } from 'react-router';
import { AgreementDetailPage } from '../features/agreements/AgreementDetailPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { EventDetailPage } from '../features/events/EventDetailPage';
import { PartnerDetailPage } from '../features/partners/PartnerDetailPage';
import { PartnerFormPage } from '../features/partners/PartnerFormPage';
import { PersonDetailPage } from '../features/people/PersonDetailPage';
import { ProjectDetailPage } from '../features/projects/ProjectDetailPage';
import { RecordListPage } from '../features/records/RecordListPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TrashPage } from '../features/trash/TrashPage';
import { NotificationsProvider } from '../ui/Notifications';
import { AppShell } from './AppShell';
import { ErrorBoundary } from './ErrorBoundary';
import { NAV_SECTIONS } from './navigation';
import { RegistryProvider } from './RegistryContext';
import { theme } from './theme';

/**
 * Hash routes keep every screen reloadable from app://registry/index.html without asking the
 * protocol handler for paths it does not serve. A data router, so forms can guard unsaved changes.
 */
const router = createHashRouter(
  createRoutesFromElements(
    <Route element={<AppShell />}>
      <Route index element={<DashboardPage />} />
      {NAV_SECTIONS.map((section) =>
        section.kind ? (
          <Route
            key={section.id}
            path={section.path}
            element={<RecordListPage key={section.kind} kind={section.kind} />}
          />
        ) : null,
      )}
      <Route path="/partners/new" element={<PartnerFormPage key="new" />} />
      <Route path="/partners/:partnerId/edit" element={<PartnerFormPage key="edit" />} />
      <Route path="/partners/:partnerId" element={<PartnerDetailPage />} />
      <Route path="/agreements/:agreementId" element={<AgreementDetailPage />} />
      <Route path="/projects/:projectId" element={<ProjectDetailPage />} />
      <Route path="/events/:eventId" element={<EventDetailPage />} />
      <Route path="/people/:personId" element={<PersonDetailPage />} />
      <Route path="/trash" element={<TrashPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="*" element={<DashboardPage />} />
    </Route>,
  ),
);

/** The whole renderer. */
export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ErrorBoundary>
        <NotificationsProvider>
          <RegistryProvider>
            <RouterProvider router={router} />
          </RegistryProvider>
        </NotificationsProvider>
      </ErrorBoundary>
    </ThemeProvider>
  );
}
