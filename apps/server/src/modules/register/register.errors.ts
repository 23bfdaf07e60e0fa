import { createError } from '../../platform/errors.ts';

export const registerErrors = {
  // Existence is a secret too: whatever the actor may not see is "not found" (STYLE.md errors 5).
  itemNotFound: createError('item.not_found', 'Không tìm thấy tài liệu, vật chứa bí mật nhà nước'),
  recipientNotCleared: createError('register.recipient_not_cleared', 'Người nhận không được phép tiếp cận bí mật nhà nước ở độ mật này'),
  handoverNotAllowed: createError('register.handover_not_allowed', 'Chỉ người đang giữ, văn thư hoặc lãnh đạo đơn vị được chuyển giao tài liệu này'),
};
