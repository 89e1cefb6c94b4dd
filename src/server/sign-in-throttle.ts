// Limits password guessing. Every sign-in attempt is counted before the password
// is checked, per account (the address as typed, hashed; counted the same way
// whether or not such an account exists, so the answer never tells) and per
// client address. From the limit on within the window, each checked attempt
// starts a pause (30 s, 1 min, 2 min, … at most 15 min) during which attempts
// are refused with 429 and Retry-After, the password not even checked.
// A successful sign-in clears its account's count and gives its attempt back to
// the address: the address limit is on failures (an office signing in all
// morning from one NAT address is not guessing).
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
   * one is over; an attempt inside a pause is refused and not counted; any other
   * attempt is checked, and from the limit-th on it starts a pause (30 s, then
   * twice as long each time) so that "try again in 30 seconds" means it: after
   * the pause one more password is checked. Seconds to wait, or 0 to go ahead.
   */
  private async count(key: string, rule: ThrottleRule): Promise<number> {
    const r = await this.pool.query(
      `insert into sign_in_attempts as s (key, attempts, window_start, blocked_until)
       values ($1, 1, now(), case when 1 >= $2::int then now() + make_interval(secs => $4::int) end)
       on conflict (key) do update set
         attempts = case when s.window_start <= now() - make_interval(secs => $3::int) then 1 else s.attempts + 1 end,
         window_start = case when s.window_start <= now() - make_interval(secs => $3::int) then now() else s.window_start end,
         blocked_until = case
           when s.window_start <= now() - make_interval(secs => $3::int) then (case when 1 >= $2::int then now() + make_interval(secs => $4::int) end)
           when s.attempts + 1 >= $2::int then now() + make_interval(secs => least($5::int, $4::int * power(2, least(s.attempts + 1 - $2::int, 20))))
           end
       where s.blocked_until is null or s.blocked_until <= now()
       returning 1`,
      [key, rule.limit, rule.windowSeconds, rule.baseBlockSeconds, rule.maxBlockSeconds],
    );
    if (r.rowCount) return 0;
    // Not counted: the key is inside a pause (the update's condition was checked
    // against the latest committed row). How long, in a fresh snapshot:
    const b = await this.pool.query<{ blocked_until: Date | null }>('select blocked_until from sign_in_attempts where key = $1', [key]);
    return Math.max(1, b.rows[0]?.blocked_until ? secondsUntil(b.rows[0].blocked_until) : 1);
  }

  /** A correct password: the account starts afresh; the address gets this attempt back (its failures stay counted). */
  async succeeded(email: string, ip: string): Promise<void> {
    await this.pool.query(
      `with gone as (delete from sign_in_attempts where key = $1)
       update sign_in_attempts set attempts = greatest(attempts - 1, 0), blocked_until = case when attempts - 1 < $3::int then null else blocked_until end
       where key = $2`,
      [accountKey(email), addressKey(ip), this.rules.address.limit],
    );
  }
}

function secondsUntil(t: Date): number {
  return Math.max(1, Math.ceil((new Date(t).getTime() - Date.now()) / 1000));
}
