import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, Limit, pageOf } from '../shared/http';
import { z } from 'zod';
import { Project, ProjectListQuery, ProjectSummary, TeamBody, TimelineEntry } from './schema';
import { projectService as svc } from './service';

const tags = ['Buy side: projects'];

export function projectRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.get('/projects', { schema: { tags, summary: 'Procurement projects of the buying organization', querystring: ProjectListQuery, response: { 200: pageOf(ProjectSummary), ...errorResponses } } }, (req) =>
    svc.list(db, req.tenant, req.query),
  );
  app.get('/projects/:id', { schema: { tags, summary: 'One project: stage, purchasing team, tenders', params: IdParams, response: { 200: Project, ...errorResponses } } }, (req) =>
    svc.get(db, req.tenant, req.params.id),
  );
  app.put('/projects/:id/team', { schema: { tags, summary: 'Set the purchasing team (buying-center roles)', params: IdParams, body: TeamBody, response: { 200: Project, ...errorResponses } } }, (req) =>
    svc.setTeam(deps, req.tenant, req.params.id, req.body),
  );
  app.get(
    '/projects/:id/timeline',
    { schema: { tags, summary: 'What happened in the project, newest first', params: IdParams, querystring: z.object({ limit: Limit }).strict(), response: { 200: pageOf(TimelineEntry), ...errorResponses } } },
    (req) => svc.timeline(db, req.tenant, req.params.id, req.query),
  );
}
