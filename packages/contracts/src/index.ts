export * from './enums.ts';
export * from './limits.ts';
export * from './errors.ts';
export * from './schemas.ts';
export * from './format.ts';
export * from './devices.ts';
export * from './incidents.ts';
export * from './api.ts';
