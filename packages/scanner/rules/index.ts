// Every rule, one file each. Adding a rule: create `<name>.rule.ts` and list it here; the rule
// tests run its examples and check its keywords cover its pattern.
import type { Rule } from '../src/engine/rule.types.ts';
import copyNumber from './copy-number.rule.ts';
import copyStamp from './copy-stamp.rule.ts';
import declassified from './declassified.rule.ts';
import envelopeMark from './envelope-mark.rule.ts';
import extensionStamp from './extension-stamp.rule.ts';
import levelField from './level-field.rule.ts';
import levelStampOcr from './level-stamp-ocr.rule.ts';
import levelStamp from './level-stamp.rule.ts';
import namedRecipientOnly from './named-recipient-only.rule.ts';
import protectionPeriod from './protection-period.rule.ts';
import recallStamp from './recall-stamp.rule.ts';

export const RULES: readonly Rule[] = [
  levelStamp,
  levelStampOcr,
  levelField,
  namedRecipientOnly,
  envelopeMark,
  copyStamp,
  copyNumber,
  recallStamp,
  protectionPeriod,
  extensionStamp,
  declassified,
];
