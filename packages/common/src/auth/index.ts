export * from './caller';
export * from './config';
export * from './http';
export * from './policy';
export * from './verifier';
