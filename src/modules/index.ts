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
  { name: 'events', routes: eventRoutes },
];
