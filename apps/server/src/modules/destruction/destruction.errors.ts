import { createError } from '../../platform/errors.ts';

export const destructionErrors = {
  notFound: createError('destruction.not_found', 'Không tìm thấy hồ sơ tiêu hủy'),
  wrongStep: createError('destruction.wrong_step', 'Hồ sơ tiêu hủy chưa đến bước này'),
  councilInvalid: createError('destruction.council_invalid', 'Hội đồng tiêu hủy không hợp lệ'),
};
