import { Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PlanPage } from '../pages/plan/PlanPage';
import { AppShell } from './AppShell';

/** The signed-in portal's pages. A new page adds its route here and its entry in navigation.ts. */
export const ROUTES: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/plan" replace /> },
      { path: 'plan', element: <PlanPage /> },
      // Loaded on first visit: the charts library is most of its weight.
      {
        path: 'actions/:code',
        lazy: async () => ({ Component: (await import('../pages/action/ActionPage')).ActionPage }),
      },
      {
        path: 'reporting',
        lazy: async () => ({ Component: (await import('../pages/reporting/ReportingPage')).ReportingPage }),
      },
      {
        path: 'reporting/import',
        lazy: async () => ({ Component: (await import('../pages/reporting/ImportPage')).ImportPage }),
      },
      {
        path: 'reporting/:code/:period',
        lazy: async () => ({ Component: (await import('../pages/reporting/ReportEditorPage')).ReportEditorPage }),
      },
      {
        path: 'reporting/parts/:code',
        lazy: async () => ({ Component: (await import('../pages/reporting/PartPage')).PartPage }),
      },
      {
        path: 'approvals',
        lazy: async () => ({ Component: (await import('../pages/approvals/ApprovalsPage')).ApprovalsPage }),
      },
      {
        path: 'approvals/:id',
        lazy: async () => ({ Component: (await import('../pages/approvals/ReviewPage')).ReviewPage }),
      },
      {
        path: 'meetings',
        lazy: async () => ({ Component: (await import('../pages/meetings/BodiesPage')).BodiesPage }),
      },
      {
        path: 'meetings/bodies/:bodyId',
        lazy: async () => ({ Component: (await import('../pages/meetings/BodyPage')).BodyPage }),
      },
      {
        path: 'meetings/:meetingId',
        lazy: async () => ({ Component: (await import('../pages/meetings/MeetingPage')).MeetingPage }),
      },
      {
        path: 'dashboard',
        lazy: async () => ({ Component: (await import('../pages/dashboard/DashboardPage')).DashboardPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
