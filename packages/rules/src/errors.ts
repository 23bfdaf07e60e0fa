// Programmer or configuration errors of the rules package (no rule set or template for a date).
// Business refusals are not thrown: they are returned as `Refusal` values.
export class RulesError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
  }
}
