// Routes: the public pages (sign-in, sign-up, invitation) and the app behind the
// session check. Pages load lazily so the first screen stays small.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api/http';
import { useMe } from './api/queries';
import { AppLayout } from './components/AppLayout';
import { ErrorView, PageLoader } from './components/states';
import { Center, Container } from '@mantine/core';

const SignInPage = lazy(() => import('./pages/auth/SignInPage'));
const SignUpPage = lazy(() => import('./pages/auth/SignUpPage'));
const InvitePage = lazy(() => import('./pages/auth/InvitePage'));
const PipelinePage = lazy(() => import('./pages/pipeline/PipelinePage'));
const OpportunitiesPage = lazy(() => import('./pages/opportunities/OpportunitiesPage'));
const NewOpportunityPage = lazy(() => import('./pages/opportunities/NewOpportunityPage'));
const OpportunityPage = lazy(() => import('./pages/opportunity/OpportunityPage'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage'));
const AccountPage = lazy(() => import('./pages/accounts/AccountPage'));
const TasksPage = lazy(() => import('./pages/tasks/TasksPage'));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const RequisitionsPage = lazy(() => import('./pages/buy/RequisitionsPage'));
const NewRequisitionPage = lazy(() => import('./pages/buy/NewRequisitionPage'));
const RequisitionPage = lazy(() => import('./pages/buy/RequisitionPage'));
const ProjectsPage = lazy(() => import('./pages/buy/ProjectsPage'));
const ProjectPage = lazy(() => import('./pages/buy/ProjectPage'));
const SuppliersPage = lazy(() => import('./pages/buy/SuppliersPage'));
const SupplierPage = lazy(() => import('./pages/buy/SupplierPage'));
const TendersPage = lazy(() => import('./pages/buy/TendersPage'));
const TenderWizardPage = lazy(() => import('./pages/buy/TenderWizardPage'));
const TenderPage = lazy(() => import('./pages/buy/TenderPage'));
const OpeningPage = lazy(() => import('./pages/buy/OpeningPage'));
const AwardPage = lazy(() => import('./pages/buy/award/AwardPage'));
const KeyHolderPage = lazy(() => import('./pages/buy/KeyHolderPage'));
const MarketPage = lazy(() => import('./pages/supplier/MarketPage'));
const MarketTenderPage = lazy(() => import('./pages/supplier/MarketTenderPage'));
const RegistrationsPage = lazy(() => import('./pages/supplier/RegistrationsPage'));
const SupplierInvitePage = lazy(() => import('./pages/supplier/SupplierInvitePage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const MyEvaluationsPage = lazy(() => import('./pages/evaluation/MyEvaluationsPage'));
const EvaluationPage = lazy(() => import('./pages/evaluation/EvaluationPage'));

/** The first page: the pipeline for a selling organization, the projects for one that only buys. */
function Home() {
  const me = useMe();
  return me.data?.organization.kind === 'buyer' ? <Navigate to="/buy/projects" replace /> : <PipelinePage />;
}

function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.error) {
    if (me.error instanceof ApiError && (me.error.status === 401 || me.error.code === 'auth.no_organization')) {
      const next = location.pathname + location.search;
      return <Navigate to={next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} replace />;
    }
    return (
      <Center h="100vh">
        <Container size="sm">
          <ErrorView error={me.error} onRetry={() => void me.refetch()} />
        </Container>
      </Center>
    );
  }
  return <>{children}</>;
}

export function App() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/invite/:id" element={<InvitePage />} />
        <Route path="/supplier-invite/:token" element={<SupplierInvitePage />} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          <Route path="buy/requisitions" element={<RequisitionsPage />} />
          <Route path="buy/requisitions/new" element={<NewRequisitionPage />} />
          <Route path="buy/requisitions/:id" element={<RequisitionPage />} />
          <Route path="buy/projects" element={<ProjectsPage />} />
          <Route path="buy/projects/:id" element={<ProjectPage />} />
          <Route path="buy/suppliers" element={<SuppliersPage />} />
          <Route path="buy/suppliers/:id" element={<SupplierPage />} />
          <Route path="buy/tenders" element={<TendersPage />} />
          <Route path="buy/tenders/new" element={<TenderWizardPage />} />
          <Route path="buy/tenders/:id" element={<TenderPage />} />
          <Route path="buy/tenders/:id/edit" element={<TenderWizardPage />} />
          <Route path="buy/tenders/:id/opening" element={<OpeningPage />} />
          <Route path="buy/tenders/:id/award" element={<AwardPage />} />
          <Route path="buy/key-holder" element={<KeyHolderPage />} />
          <Route path="supplier/tenders" element={<MarketPage />} />
          <Route path="supplier/tenders/:id" element={<MarketTenderPage />} />
          <Route path="supplier/registrations" element={<RegistrationsPage />} />
          <Route path="evaluations" element={<MyEvaluationsPage />} />
          <Route path="evaluations/:id" element={<EvaluationPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="opportunities" element={<OpportunitiesPage />} />
          <Route path="opportunities/new" element={<NewOpportunityPage />} />
          <Route path="opportunities/:id" element={<OpportunityPage />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="accounts/:id" element={<AccountPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="settings" element={<Navigate to="/settings/organization" replace />} />
          <Route path="settings/:tab" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
