// Limits password guessing. Every sign-in attempt is counted before the password
// is checked, per account (the address as typed, hashed; counted the same way
// whether or not such an account exists, so the answer never tells) and per
// client address. From the limit on within the window, each checked attempt
// starts a pause (30 s, 1 min, 2 min, … at most 15 min) during which attempts
// are refused with 429 and Retry-After, the password not even checked.
// A successful sign-in clears its account's count and gives its attempt back to
// the address (lifting a pause it started): the address limit is on failures
// (an office signing in all morning from one NAT address is not guessing).
//
// One statement counts both keys, atomically: thirty guesses sent at once get
// exactly as many checks as thirty sent one after another, and while either key
// is paused neither is counted.
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

/** Allowed: the pause this attempt started on the address (exact, as PostgreSQL text), which a success lifts. */
export type Verdict = { allowed: true; addressPause: string | null } | { allowed: false; retryAfterSeconds: number };

export const accountKey = (email: string) => `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/**
 * The upsert of one key (parameters from $n: key, limit, window, base pause,
 * longest pause): a new window starts when the last one is over; from the
 * limit-th attempt on, each one starts a pause (base × 2^(attempts − limit));
 * nothing is counted while either key is paused (`paused`) or this key's own
 * latest row is paused (checked on the committed row, so concurrent attempts
 * are counted one by one).
 */
const upsert = (n: number) => {
  const [key, limit, windowS, base, max] = [1, 2, 3, 4, 5].map((i) => `$${n + i - 1}`);
  const fresh = `case when 1 >= ${limit}::int then now() + make_interval(secs => ${base}::int) end`;
  const expired = `s.window_start <= now() - make_interval(secs => ${windowS}::int)`;
  return `insert into sign_in_attempts as s (key, attempts, window_start, blocked_until)
      select ${key}, 1, now(), ${fresh} where (select until from paused) is null
      on conflict (key) do update set
        attempts = case when ${expired} then 1 else s.attempts + 1 end,
        window_start = case when ${expired} then now() else s.window_start end,
        blocked_until = case
          when ${expired} then ${fresh}
          when s.attempts + 1 >= ${limit}::int then now() + make_interval(secs => least(${max}::int, ${base}::int * power(2, least(s.attempts + 1 - ${limit}::int, 20))))
          end
      where s.blocked_until is null or s.blocked_until <= now()
      returning s.blocked_until::text as pause`;
};

export class SignInThrottle {
  constructor(
    private pool: pg.Pool,
    private rules = SIGN_IN_RULES,
  ) {}

  /**
   * Counts one attempt for the account and the address together, in one
   * statement: while either is paused neither is counted (a paused address does
   * not use up its users' account attempts, nor the other way round).
   */
  async attempt(email: string, ip: string): Promise<Verdict> {
    const [a, d] = [this.rules.account, this.rules.address];
    const r = await this.pool.query<{ paused_until: Date | null; counted: number; address_pause: string | null }>(
      `with paused as (select max(blocked_until) as until from sign_in_attempts where key in ($1, $6) and blocked_until > now()),
         acc as (${upsert(1)}),
         addr as (${upsert(6)})
       select (select until from paused) as paused_until,
              (select count(*) from acc)::int + (select count(*) from addr)::int as counted,
              (select pause from addr) as address_pause`,
      [accountKey(email), a.limit, a.windowSeconds, a.baseBlockSeconds, a.maxBlockSeconds, addressKey(ip), d.limit, d.windowSeconds, d.baseBlockSeconds, d.maxBlockSeconds],
    );
    const row = r.rows[0]!;
    if (row.paused_until) return { allowed: false, retryAfterSeconds: secondsUntil(row.paused_until) };
    if (row.counted === 2) return { allowed: true, addressPause: row.address_pause };
    // A key was paused by a concurrent attempt after this statement's snapshot. How long, in a fresh one:
    const b = await this.pool.query<{ until: Date | null }>('select max(blocked_until) as until from sign_in_attempts where key in ($1, $2)', [accountKey(email), addressKey(ip)]);
    return { allowed: false, retryAfterSeconds: b.rows[0]?.until ? secondsUntil(b.rows[0].until) : 1 };
  }

  /**
   * A correct password: the account starts afresh; the address gets this
   * attempt back, and a pause this attempt started is lifted (its failures stay
   * counted, so a success never buys a guess).
   */
  async succeeded(email: string, ip: string, verdict: Extract<Verdict, { allowed: true }>): Promise<void> {
    await this.pool.query(
      `with gone as (delete from sign_in_attempts where key = $1)
       update sign_in_attempts set attempts = greatest(attempts - 1, 0),
         blocked_until = case when $3::timestamptz is not null and blocked_until = $3::timestamptz then null else blocked_until end
       where key = $2`,
      [accountKey(email), addressKey(ip), verdict.addressPause],
    );
  }
}

function secondsUntil(t: Date): number {
  return Math.max(1, Math.ceil((new Date(t).getTime() - Date.now()) / 1000));
}
