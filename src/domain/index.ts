// Procura's pure domain layer: no I/O, no clock (time comes in as `now`),
// browser-safe. Imported by the server, the web app and the CLI.
export * from './i18n';
export * from './labels';
export * from './evidence';
export * from './process-models';
export * from './inference';
export * from './risks';
export * from './playbook';
export * from './stats';
