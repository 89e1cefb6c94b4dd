import type { App, Deps } from '../../server/app';
import { toWebHeaders } from '../../server/auth';
import { AppError } from '../../server/errors';
import { errorResponses, IdParams } from '../shared/http';
import { z } from 'zod';
import {
  Invitation,
  InvitationCreate,
  InvitationPublic,
  Me,
  Member,
  MemberPatch,
  Settings,
  SettingsPatch,
  SignUpBody,
  SwitchOrgBody,
} from './schema';
import { organizationService as svc } from './service';
import { text } from '../../domain/i18n';

const tags = ['Organization'];

export function organizationRoutes(app: App, deps: Deps) {
  app.post(
    '/auth/sign-up',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Create a user and its organization (or join one by invitation); signs the user in',
        security: [],
        body: SignUpBody,
        response: { 201: z.object({ userId: z.string(), organizationId: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await svc.signUp(deps, request.body);
      reply.header('set-cookie', r.cookies);
      return reply.status(201).send({ userId: r.userId, organizationId: r.orgId });
    },
  );

  app.get('/me', { schema: { tags, summary: 'The signed-in user, the active organization and its settings', response: { 200: Me, ...errorResponses } } }, async (request) => {
    const me = await svc.me(deps, request.tenant);
    return {
      ...me,
      organization: { ...me.organization, kind: me.organization.kind as 'seller', createdAt: me.organization.createdAt.toISOString() },
      organizations: me.organizations.map((o) => ({ ...o, kind: o.kind as 'seller', role: o.role as 'member', createdAt: o.createdAt.toISOString() })),
    };
  });

  app.post(
    '/me/organization',
    { schema: { tags, summary: 'Switch the active organization', body: SwitchOrgBody, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await svc.switchOrganization(deps, request.tenant, request.body.organizationId, toWebHeaders(request.headers));
      return reply.status(204).send(null);
    },
  );

  app.get('/organization/settings', { schema: { tags, summary: 'Organization settings', response: { 200: Settings, ...errorResponses } } }, async (request) =>
    svc.settings(deps, request.tenant),
  );
  app.patch(
    '/organization/settings',
    { schema: { tags, summary: 'Change organization settings (owners and admins)', body: SettingsPatch, response: { 200: Settings, ...errorResponses } } },
    async (request) => svc.updateSettings(deps, request.tenant, request.body),
  );

  const presentMember = (m: { id: string; userId: string; name: string; email: string; role: string; joinedAt: Date }) => ({
    ...m,
    role: m.role as 'member',
    joinedAt: m.joinedAt.toISOString(),
  });
  app.get('/organization/members', { schema: { tags, summary: 'Members and their roles', response: { 200: z.object({ items: z.array(Member) }), ...errorResponses } } }, async (request) => ({
    items: (await svc.members(deps, request.tenant)).map(presentMember),
  }));
  app.patch(
    '/organization/members/:id',
    { schema: { tags, summary: "Change a member's role", params: IdParams, body: MemberPatch, response: { 200: Member, ...errorResponses } } },
    async (request) => presentMember(await svc.changeRole(deps, request.tenant, request.params.id, request.body.role)),
  );
  app.delete(
    '/organization/members/:id',
    { schema: { tags, summary: 'Remove a member (or leave)', params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await svc.removeMember(deps, request.tenant, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/organization/invitations',
    { schema: { tags, summary: 'Invitations of the organization', response: { 200: z.object({ items: z.array(Invitation) }), ...errorResponses } } },
    async (request) => ({ items: await svc.invitations(deps, request.tenant, deps.config.baseUrl) }),
  );
  app.post(
    '/organization/invitations',
    { schema: { tags, summary: 'Invite someone by link', body: InvitationCreate, response: { 201: Invitation, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await svc.invite(deps, request.tenant, request.body, deps.config.baseUrl)),
  );
  app.delete(
    '/organization/invitations/:id',
    { schema: { tags, summary: 'Cancel a pending invitation', params: IdParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await svc.cancelInvitation(deps, request.tenant, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/invitations/:id',
    { config: { public: true }, schema: { tags, summary: 'What an invitation link is for', security: [], params: IdParams, response: { 200: InvitationPublic, ...errorResponses } } },
    async (request) => svc.publicInvitation(deps, request.params.id),
  );
  app.post(
    '/invitations/:id/accept',
    { config: { public: true }, schema: { tags, summary: 'Accept an invitation as the signed-in user', params: IdParams, response: { 200: z.object({ organizationId: z.string() }), ...errorResponses } } },
    async (request) => {
      const s = await deps.principals.session(request);
      if (!s) throw new AppError('unauthenticated', 'auth.required', text('请先登录。', 'Sign in first.'));
      return svc.acceptInvitation(deps, s.userId, s.email, request.params.id, toWebHeaders(request.headers));
    },
  );
}
