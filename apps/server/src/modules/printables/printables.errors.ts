import { createError } from '../../platform/errors.ts';

export const printableErrors = {
  unknownKind: createError('not_found', 'Không có mẫu in này'),
  notAvailable: createError('printable.not_available', 'Mẫu in này chưa áp dụng cho tài liệu'),
};
