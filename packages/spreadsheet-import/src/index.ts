export * from './columns.js';
export * from './detect.js';
export * from './parse.js';
export * from './template.js';
export * from './operations.js';
