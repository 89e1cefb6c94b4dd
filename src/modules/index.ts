// The API modules, one folder per capability. Each registers its routes under /api/v1.
import type { App, Deps } from '../server/app';
import { accountRoutes } from './accounts/routes';
import { competitorRoutes } from './competitors/routes';
import { contactRoutes } from './contacts/routes';
import { interactionRoutes } from './interactions/routes';
import { opportunityRoutes } from './opportunities/routes';
import { organizationRoutes } from './organizations/routes';
import { processModelRoutes } from './process-models/routes';
import { taskRoutes } from './tasks/routes';
import { eventRoutes } from './events/routes';
import { projectRoutes } from './projects/routes';
import { requisitionRoutes } from './requisitions/routes';
import { supplierRoutes } from './suppliers/routes';
import { notificationRoutes } from './notifications/routes';
import { tenderRoutes } from './tenders/routes';
import { bidRoutes } from './bids/routes';
import { openingRoutes } from './opening/routes';
import { tenderLinkRoutes } from './tender-link/routes';
import { expertRoutes } from './experts/routes';
import { evaluationRoutes } from './evaluation/routes';
import { awardRoutes } from './award/routes';

export interface ApiModule {
  name: string;
  routes(app: App, deps: Deps): void | Promise<void>;
}

export const modules: ApiModule[] = [
  { name: 'organizations', routes: organizationRoutes },
  { name: 'process-models', routes: processModelRoutes },
  { name: 'accounts', routes: accountRoutes },
  { name: 'contacts', routes: contactRoutes },
  { name: 'competitors', routes: competitorRoutes },
  { name: 'opportunities', routes: opportunityRoutes },
  { name: 'interactions', routes: interactionRoutes },
  { name: 'tasks', routes: taskRoutes },
  { name: 'requisitions', routes: requisitionRoutes },
  { name: 'projects', routes: projectRoutes },
  { name: 'suppliers', routes: supplierRoutes },
  { name: 'tenders', routes: tenderRoutes },
  { name: 'opening', routes: openingRoutes },
  { name: 'bids', routes: bidRoutes },
  { name: 'tender-link', routes: tenderLinkRoutes },
  { name: 'experts', routes: expertRoutes },
  { name: 'evaluation', routes: evaluationRoutes },
  { name: 'award', routes: awardRoutes },
  { name: 'notifications', routes: notificationRoutes },
  { name: 'events', routes: eventRoutes },
];
