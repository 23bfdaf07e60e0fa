// @bmnn/rules: the law as data (rule sets, authority matrices, book templates, each with legal
// basis and validity dates) and the pure functions that apply it. Shared by server and web.
export * from './dates.ts';
export * from './decision.ts';
export * from './errors.ts';
export * from './positions.ts';
export * from './levels.ts';
export * from './rule-set.schema.ts';
export * from './rule-set.ts';
export * from './authority.ts';
export * from './classification.ts';
export * from './periods.ts';
export * from './copies.ts';
export * from './deadlines.ts';
export * from './templates.schema.ts';
export * from './templates.ts';
export * from './rule-set.labels.ts';
export * from './printables.data.ts';
