export * from './auth';
export * from './sell';
export { orgSettings, processModels, activities, idempotencyKeys } from './platform';
export { appRole, currentOrgSql } from './tenant';
