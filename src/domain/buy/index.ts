// The buy side's pure rules: exact money, tenders and their periods, a tender
// through time, requisitions and approval, supplier certification, the buyer's
// project stage, the evaluation committee and its replayable draw, the
// evaluation's exact scoring and ranking, the comparison table, the award.
export * from './money';
export * from './tender';
export * from './tender-status';
export * from './approval';
export * from './certification';
export * from './project';
export * from './scoring';
export * from './committee';
export * from './comparison';
export * from './award';
