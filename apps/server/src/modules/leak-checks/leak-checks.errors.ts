import { createError } from '../../platform/errors.ts';

export const leakCheckErrors = {
  notFound: createError('leak_check.not_found', 'Không tìm thấy lượt kiểm tra tệp'),
  alreadyConcluded: createError('leak_check.already_concluded', 'Lượt kiểm tra này đã có kết luận'),
  nothingToConclude: createError('leak_check.nothing_to_conclude', 'Tệp đã đạt khi kiểm tra, không cần kết luận thêm'),
  headRequired: createError(
    'leak_check.head_required',
    'Tệp mang dấu độ mật: chỉ lãnh đạo mới được kết luận cho đăng (khi dấu hiệu là nhầm lẫn), và phải nêu lý do',
  ),
};
