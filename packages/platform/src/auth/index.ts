export * from './caller.js';
export * from './config.js';
export * from './http.js';
export * from './policy.js';
export * from './verifier.js';
export * from './read-back.js';
