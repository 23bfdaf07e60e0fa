import { createError } from '../../platform/errors.ts';

export const ruleSetErrors = {
  notFound: createError('rule_set.not_found', 'Không tìm thấy bộ quy tắc'),
  invalid: createError('rule_set.invalid', 'Bộ quy tắc không hợp lệ, chưa lưu thay đổi nào'),
  overlap: createError('rule_set.overlap', 'Thời gian hiệu lực trùng với bộ quy tắc khác: mỗi ngày chỉ áp dụng một bộ quy tắc'),
  versionConflict: createError('rule_set.version_conflict', 'Bộ quy tắc đã được người khác sửa; hãy tải lại trước khi lưu'),
};
