import { CssBaseline, ThemeProvider } from '@mui/material';
import { createHashRouter, createRoutesFromElements, Route, RouterProvider } from 'react-router';
import { AgreementDetailPage } from '../features/agreements/AgreementDetailPage';
import { AgreementFormPage } from '../features/agreements/AgreementFormPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { EventDetailPage } from '../features/events/EventDetailPage';
import { EventFormPage } from '../features/events/EventFormPage';
import { FollowUpFormPage } from '../features/followUps/FollowUpFormPage';
import { PartnerDetailPage } from '../features/partners/PartnerDetailPage';
import { PartnerFormPage } from '../features/partners/PartnerFormPage';
import { PersonDetailPage } from '../features/people/PersonDetailPage';
import { PersonFormPage } from '../features/people/PersonFormPage';
import { ProjectDetailPage } from '../features/projects/ProjectDetailPage';
import { ProjectFormPage } from '../features/projects/ProjectFormPage';
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
      <Route path="/agreements/new" element={<AgreementFormPage key="new" />} />
      <Route path="/agreements/:agreementId/edit" element={<AgreementFormPage key="edit" />} />
      <Route path="/agreements/:agreementId" element={<AgreementDetailPage />} />
      <Route path="/projects/new" element={<ProjectFormPage key="new" />} />
      <Route path="/projects/:projectId/edit" element={<ProjectFormPage key="edit" />} />
      <Route path="/projects/:projectId" element={<ProjectDetailPage />} />
      <Route path="/events/new" element={<EventFormPage key="new" />} />
      <Route path="/events/:eventId/edit" element={<EventFormPage key="edit" />} />
      <Route path="/events/:eventId" element={<EventDetailPage />} />
      <Route path="/people/new" element={<PersonFormPage key="new" />} />
      <Route path="/people/:personId/edit" element={<PersonFormPage key="edit" />} />
      <Route path="/people/:personId" element={<PersonDetailPage />} />
      <Route path="/follow-ups/new" element={<FollowUpFormPage key="new" />} />
      <Route path="/follow-ups/:followUpId/edit" element={<FollowUpFormPage key="edit" />} />
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
