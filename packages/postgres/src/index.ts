// The embedded server (it loads the PostgreSQL binaries' package) is imported on its own, from
// './local-server', by what runs it: the launcher's database process and the tests' setup.
export * from './config.js';
export * from './errors.js';
export * from './provision.js';
