import type { App, Deps } from '../../server/app';
import { errorResponses, IdParams, pageOf } from '../shared/http';
import { Task, TaskCreate, TaskListQuery, TaskPatch } from './schema';
import { taskService as svc } from './service';

const tags = ['Next actions'];

export function taskRoutes(app: App, { db }: Deps) {
  app.get('/tasks', { schema: { tags, summary: 'Next actions (tasks), by due date', querystring: TaskListQuery, response: { 200: pageOf(Task), ...errorResponses } } }, (req) => svc.list(db, req.tenant, req.query));
  app.post('/tasks', { schema: { tags, summary: 'Add a next action, by hand or from a playbook suggestion', body: TaskCreate, response: { 201: Task, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(db, req.tenant, req.body, String(req.headers['accept-language'] ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en')),
  );
  app.patch('/tasks/:id', { schema: { tags, summary: 'Change or complete a next action', params: IdParams, body: TaskPatch, response: { 200: Task, ...errorResponses } } }, (req) =>
    svc.update(db, req.tenant, req.params.id, req.body),
  );
}
