import { CssBaseline, ThemeProvider } from '@mui/material';
import type { ComponentType } from 'react';
import { createHashRouter, createRoutesFromElements, Route, RouterProvider } from 'react-router';
import { BackupTasks } from '../features/backup/components/BackupTasks';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { NotificationsProvider } from '../ui/Notifications';
import { AppShell } from './AppShell';
import { ErrorBoundary } from './ErrorBoundary';
import { LoadingScreen } from './LoadingScreen';
import { NAV_SECTIONS } from './navigation';
import { RegistryProvider } from './RegistryContext';
import { theme } from './theme';

/**
 * A route whose screen is loaded when first visited, so the first paint carries only the shell
 * and the dashboard.
 */
function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

const partnerForm = () => import('../features/partners/PartnerFormPage');
const agreementForm = () => import('../features/agreements/AgreementFormPage');
const projectForm = () => import('../features/projects/ProjectFormPage');
const eventForm = () => import('../features/events/EventFormPage');
const personForm = () => import('../features/people/PersonFormPage');
const followUpForm = () => import('../features/followUps/FollowUpFormPage');
const areaForm = () => import('../features/areas/AreaFormPage');
const documentForm = () => import('../features/documents/DocumentFormPage');
const recordList = () => import('../features/records/RecordListPage');

/**
 * Hash routes keep every screen reloadable from app://registry/index.html without asking the
 * protocol handler for paths it does not serve. A data router, so forms can guard unsaved
 * changes. "New" and "edit" of one form are separate components so moving between them never
 * carries a draft over.
 */
const router = createHashRouter(
  createRoutesFromElements(
    <Route element={<AppShell />} HydrateFallback={LoadingScreen}>
      <Route index element={<DashboardPage />} />
      {NAV_SECTIONS.map((section) => {
        const { kind } = section;
        return kind ? (
          <Route
            key={section.id}
            path={section.path}
            lazy={screen(recordList, (m) => () => <m.RecordListPage key={kind} kind={kind} />)}
          />
        ) : null;
      })}
      <Route
        path="/partners/new"
        lazy={screen(partnerForm, (m) => () => <m.PartnerFormPage key="new" />)}
      />
      <Route
        path="/partners/:partnerId/edit"
        lazy={screen(partnerForm, (m) => () => <m.PartnerFormPage key="edit" />)}
      />
      <Route
        path="/partners/:partnerId"
        lazy={screen(
          () => import('../features/partners/PartnerDetailPage'),
          (m) => m.PartnerDetailPage,
        )}
      />
      <Route
        path="/agreements/new"
        lazy={screen(agreementForm, (m) => () => <m.AgreementFormPage key="new" />)}
      />
      <Route
        path="/agreements/:agreementId/edit"
        lazy={screen(agreementForm, (m) => () => <m.AgreementFormPage key="edit" />)}
      />
      <Route
        path="/agreements/:agreementId"
        lazy={screen(
          () => import('../features/agreements/AgreementDetailPage'),
          (m) => m.AgreementDetailPage,
        )}
      />
      <Route
        path="/projects/new"
        lazy={screen(projectForm, (m) => () => <m.ProjectFormPage key="new" />)}
      />
      <Route
        path="/projects/:projectId/edit"
        lazy={screen(projectForm, (m) => () => <m.ProjectFormPage key="edit" />)}
      />
      <Route
        path="/projects/:projectId"
        lazy={screen(
          () => import('../features/projects/ProjectDetailPage'),
          (m) => m.ProjectDetailPage,
        )}
      />
      <Route
        path="/events/new"
        lazy={screen(eventForm, (m) => () => <m.EventFormPage key="new" />)}
      />
      <Route
        path="/events/:eventId/edit"
        lazy={screen(eventForm, (m) => () => <m.EventFormPage key="edit" />)}
      />
      <Route
        path="/events/:eventId"
        lazy={screen(
          () => import('../features/events/EventDetailPage'),
          (m) => m.EventDetailPage,
        )}
      />
      <Route
        path="/people/new"
        lazy={screen(personForm, (m) => () => <m.PersonFormPage key="new" />)}
      />
      <Route
        path="/people/:personId/edit"
        lazy={screen(personForm, (m) => () => <m.PersonFormPage key="edit" />)}
      />
      <Route
        path="/people/:personId"
        lazy={screen(
          () => import('../features/people/PersonDetailPage'),
          (m) => m.PersonDetailPage,
        )}
      />
      <Route
        path="/follow-ups/new"
        lazy={screen(followUpForm, (m) => () => <m.FollowUpFormPage key="new" />)}
      />
      <Route
        path="/follow-ups/:followUpId/edit"
        lazy={screen(followUpForm, (m) => () => <m.FollowUpFormPage key="edit" />)}
      />
      <Route
        path="/documents/new"
        lazy={screen(documentForm, (m) => () => <m.DocumentFormPage key="new" />)}
      />
      <Route
        path="/documents/:documentId/edit"
        lazy={screen(documentForm, (m) => () => <m.DocumentFormPage key="edit" />)}
      />
      <Route
        path="/documents/:documentId"
        lazy={screen(
          () => import('../features/documents/DocumentDetailPage'),
          (m) => m.DocumentDetailPage,
        )}
      />
      <Route
        path="/briefing"
        lazy={screen(
          () => import('../features/briefing/BriefingPage'),
          (m) => m.BriefingPage,
        )}
      />
      <Route path="/areas/new" lazy={screen(areaForm, (m) => () => <m.AreaFormPage key="new" />)} />
      <Route
        path="/areas/:areaId/edit"
        lazy={screen(areaForm, (m) => () => <m.AreaFormPage key="edit" />)}
      />
      <Route
        path="/timeline"
        lazy={screen(
          () => import('../features/timeline/TimelinePage'),
          (m) => m.TimelinePage,
        )}
      />
      <Route
        path="/import"
        lazy={screen(
          () => import('../features/import/ImportPage'),
          (m) => m.ImportPage,
        )}
      />
      <Route
        path="/exchange"
        lazy={screen(
          () => import('../features/exchange/ExchangePage'),
          (m) => m.ExchangePage,
        )}
      />
      <Route
        path="/trash"
        lazy={screen(
          () => import('../features/trash/TrashPage'),
          (m) => m.TrashPage,
        )}
      />
      <Route
        path="/settings"
        lazy={screen(
          () => import('../features/settings/SettingsPage'),
          (m) => m.SettingsPage,
        )}
      />
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
            <BackupTasks />
            <RouterProvider router={router} />
          </RegistryProvider>
        </NotificationsProvider>
      </ErrorBoundary>
    </ThemeProvider>
  );
}
