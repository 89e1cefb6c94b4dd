// One clock for every rule of the form "not before" or "not after" on the buy
// side (deadlines, opening times, certification expiry). The server uses the
// system clock; tests drive a TestClock (Prozorro-style time-shifted tests).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class TestClock implements Clock {
  private t: number;
  constructor(start: Date | number = Date.now()) {
    this.t = typeof start === 'number' ? start : start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(to: Date | number): void {
    this.t = typeof to === 'number' ? to : to.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
