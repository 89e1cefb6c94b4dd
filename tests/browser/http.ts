// The browser tests' own API client: signs organizations up and sets the stage
// over HTTP against the running server (what a user does in other screens), so
// that the browser spends its time on the path under test.
import { randomUUID } from 'node:crypto';

export interface HttpUser {
  userId: string;
  orgId: string;
  email: string;
  password: string;
  cookie: string;
}

export function client(baseUrl: string) {
  const cookieOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (u: HttpUser | null, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, { method, headers: { ...(u ? { cookie: u.cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const password = 'correct-horse-battery';
  return {
    call,
    async signUp(org: string, kind: 'seller' | 'buyer' | 'both', name = 'Owner'): Promise<HttpUser> {
      const email = `${kind}-${randomUUID().slice(0, 8)}@browser.test`;
      const res = await fetch(`${baseUrl}/api/v1/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, email, password, organizationName: org, organizationKind: kind }) });
      if (res.status !== 201) throw new Error(`sign-up ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { userId: string; organizationId: string };
      return { userId: body.userId, orgId: body.organizationId, email, password, cookie: cookieOf(res) };
    },
    async addMember(owner: HttpUser, role: 'admin' | 'manager' | 'member', name: string): Promise<HttpUser> {
      const email = `m-${randomUUID().slice(0, 8)}@browser.test`;
      const inv = await call(owner, 'POST', '/api/v1/organization/invitations', { email, role });
      const res = await fetch(`${baseUrl}/api/v1/auth/sign-up`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, email, password, invitationId: inv.id }) });
      if (res.status !== 201) throw new Error(`join ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { userId: string; organizationId: string };
      return { userId: body.userId, orgId: body.organizationId, email, password, cookie: cookieOf(res) };
    },
  };
}
