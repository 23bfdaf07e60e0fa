import { createError } from '../../platform/errors.ts';

export const recordFileErrors = {
  // Existence is a secret too: a file the reader may not see is "not found" (STYLE.md errors 5).
  notFound: createError('record_file.not_found', 'Không tìm thấy hồ sơ'),
  codeTaken: createError('record_file.code_taken', 'Số, ký hiệu hồ sơ đã được dùng trong năm này của đơn vị'),
  wrongStatus: createError('record_file.wrong_status', 'Hồ sơ không ở trạng thái cho phép thao tác này'),
  itemRefused: createError('record_file.item_refused', 'Không đưa được tài liệu vào hồ sơ'),
  transferNotFound: createError('archive.not_found', 'Không tìm thấy biên bản nộp lưu'),
};
