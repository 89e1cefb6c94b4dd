import { z } from 'zod';
import { TEAM_ROLES } from '../../domain/buy/project';
import { Cursor, Limit, LocalizedText, Timestamp, Uuid, csv } from '../shared/http';
import { TimelineEntry } from '../opportunities/schema';

export const ProjectSummary = z
  .object({
    id: Uuid,
    number: z.string(),
    title: z.string(),
    requisitionId: Uuid,
    processModel: z.string(),
    stage: z.string(),
    stageName: LocalizedText,
    stageEnteredAt: Timestamp,
    budget: z.string(),
    currency: z.string(),
    status: z.enum(['open', 'closed']),
    tenders: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ProjectSummary' });

export const TeamMember = z.object({ userId: Uuid, name: z.string(), email: z.string(), roles: z.array(z.enum(TEAM_ROLES)) }).meta({ id: 'TeamMember' });

export const Project = ProjectSummary.extend({
  team: z.array(TeamMember),
  stages: z.array(z.object({ key: z.string(), name: LocalizedText })),
  tenderList: z.array(z.object({ id: Uuid, number: z.string(), title: z.string(), status: z.string(), regime: z.string(), method: z.string(), deadline: Timestamp })),
}).meta({ id: 'Project' });

export const ProjectListQuery = z.object({ stage: csv(z.string().max(80)).optional(), status: z.enum(['open', 'closed']).optional(), limit: Limit, cursor: Cursor }).strict();
export const TeamBody = z
  .object({ members: z.array(z.object({ userId: Uuid, roles: z.array(z.enum(TEAM_ROLES)).min(1, 'is required').max(5) }).strict()).max(50) })
  .strict();
export { TimelineEntry };
