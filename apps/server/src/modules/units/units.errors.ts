import { createError } from '../../platform/errors.ts';

export const unitErrors = {
  notFound: createError('unit.not_found', 'Không tìm thấy đơn vị'),
  codeTaken: createError('unit.code_taken', 'Mã đơn vị đã được sử dụng'),
  kindNotAllowed: createError('unit.kind_not_allowed', 'Loại đơn vị không được phép'),
  moveCycle: createError('unit.move_cycle', 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó'),
  defunct: createError('unit.defunct', 'Đơn vị đã chấm dứt hoạt động'),
};
