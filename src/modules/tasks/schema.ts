import { z } from 'zod';
import { DateOnly, Timestamp, Uuid, Cursor, Limit } from '../shared/http';

export const TaskCreate = z
  .object({
    opportunityId: Uuid,
    /** Optional when created from a suggestion (its title in the caller's language is used). */
    title: z.string().trim().max(300).optional(),
    ownerId: Uuid.optional(),
    dueDate: DateOnly.nullable().optional(),
    /** Create from a playbook suggestion of the opportunity (its key). */
    playbookKey: z.string().max(80).optional(),
  })
  .strict()
  .refine((b) => b.playbookKey || b.title, { path: ['title'], message: 'is required' });

export const TaskPatch = z
  .object({
    title: z.string().trim().min(1, 'is required').max(300),
    ownerId: Uuid,
    dueDate: DateOnly.nullable(),
    status: z.enum(['open', 'done']),
  })
  .partial()
  .strict();

export const Task = z
  .object({
    id: Uuid,
    opportunityId: Uuid,
    opportunityTitle: z.string(),
    title: z.string(),
    ownerId: Uuid,
    ownerName: z.string(),
    dueDate: DateOnly.nullable(),
    status: z.enum(['open', 'done']),
    origin: z.enum(['playbook', 'manual']),
    playbookKey: z.string().nullable(),
    overdue: z.boolean(),
    completedAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Task' });

export const TaskListQuery = z
  .object({
    opportunityId: Uuid.optional(),
    ownerId: Uuid.optional(),
    status: z.enum(['open', 'done']).optional(),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();
