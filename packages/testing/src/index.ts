export * from './agency-suite.js';
export * from './clock.js';
export * from './graphql.js';
export * from './issuer.js';
export * from './ports.js';
export * from './postgres.js';
