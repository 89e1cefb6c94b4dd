// Limits password guessing. Every sign-in attempt is counted before the password
// is checked, per account (the address as typed, hashed; counted the same way
// whether or not such an account exists, so the answer never tells) and per
// client address. Past the limit within the window, attempts are refused with
// 429 and Retry-After for a time that doubles with each further refusal window
// (30 s, 1 min, 2 min, … at most 15 min); the password is not even checked then.
// A successful sign-in clears its account's count.
//
// One statement counts both keys, atomically: thirty guesses sent at once get
// exactly as many checks as thirty sent one after another.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface ThrottleRule {
  /** Attempts allowed within the window before refusals begin. */
  limit: number;
  windowSeconds: number;
  /** First refusal period; doubles for each attempt after a refusal period ends. */
  baseBlockSeconds: number;
  maxBlockSeconds: number;
}

export const SIGN_IN_RULES: Readonly<{ account: ThrottleRule; address: ThrottleRule }> = Object.freeze({
  account: { limit: 5, windowSeconds: 3600, baseBlockSeconds: 30, maxBlockSeconds: 900 },
  address: { limit: 20, windowSeconds: 3600, baseBlockSeconds: 30, maxBlockSeconds: 900 },
});

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const accountKey = (email: string) => `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export class SignInThrottle {
  constructor(
    private pool: pg.Pool,
    private rules = SIGN_IN_RULES,
  ) {}

  /** Counts one attempt for the account and the address; refuses it past a limit. */
  async attempt(email: string, ip: string): Promise<Verdict> {
    const waits = await Promise.all([this.count(accountKey(email), this.rules.account), this.count(addressKey(ip), this.rules.address)]);
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
  }

  /**
   * One attempt on one key, in one statement: a new window starts when the last
   * one is over; past the limit a refusal period begins; a key inside a refusal
   * period is not counted. Seconds to wait, or 0 when the attempt may go ahead.
   */
  private async count(key: string, rule: ThrottleRule): Promise<number> {
    const r = await this.pool.query<{ blocked_until: Date | null }>(
      `insert into sign_in_attempts as s (key, attempts, window_start, blocked_until) values ($1, 1, now(), null)
       on conflict (key) do update set
         attempts = case when s.window_start <= now() - make_interval(secs => $3::int) then 1 else s.attempts + 1 end,
         window_start = case when s.window_start <= now() - make_interval(secs => $3::int) then now() else s.window_start end,
         blocked_until = case
           when s.window_start > now() - make_interval(secs => $3::int) and s.attempts + 1 > $2::int
           then now() + make_interval(secs => least($5::int, $4::int * power(2, least(s.attempts - $2::int, 20))))
           else null end
       where s.blocked_until is null or s.blocked_until <= now()
       returning s.blocked_until`,
      [key, rule.limit, rule.windowSeconds, rule.baseBlockSeconds, rule.maxBlockSeconds],
    );
    const row = r.rows[0];
    if (row) return row.blocked_until ? secondsUntil(row.blocked_until) : 0;
    // Not counted: the key is inside a refusal period (the update's condition
    // was checked against the latest committed row). How long, in a fresh snapshot:
    const b = await this.pool.query<{ blocked_until: Date | null }>('select blocked_until from sign_in_attempts where key = $1', [key]);
    return Math.max(1, b.rows[0]?.blocked_until ? secondsUntil(b.rows[0].blocked_until) : 1);
  }

  /** A correct password: the account starts afresh (the address keeps its count). */
  async succeeded(email: string): Promise<void> {
    await this.pool.query('delete from sign_in_attempts where key = $1', [accountKey(email)]);
  }
}

function secondsUntil(t: Date): number {
  return Math.max(1, Math.ceil((new Date(t).getTime() - Date.now()) / 1000));
}
