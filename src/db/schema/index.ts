export * from './auth';
export * from './sell';
export { orgSettings, processModels, activities, idempotencyKeys, signInAttempts } from './platform';
export { appRole, currentOrgSql } from './tenant';
export * from './buy';
export * from './tender';
export * from './evaluation';
