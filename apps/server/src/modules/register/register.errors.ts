import { createError } from '../../platform/errors.ts';

export const registerErrors = {
  // Existence is a secret too: whatever the actor may not see is "not found" (STYLE.md errors 5).
  itemNotFound: createError('item.not_found', 'Không tìm thấy tài liệu, vật chứa bí mật nhà nước'),
  recipientNotCleared: createError('register.recipient_not_cleared', 'Người nhận không được phép tiếp cận bí mật nhà nước ở độ mật này'),
  handoverNotAllowed: createError('register.handover_not_allowed', 'Chỉ người đang giữ, văn thư hoặc lãnh đạo đơn vị được chuyển giao tài liệu này'),
  classificationRefused: createError('register.classification_refused', 'Không xác định được độ mật'),
  authorityRefused: createError('register.authority_refused', 'Người duyệt không có thẩm quyền'),
  samePerson: createError('register.same_person', 'Người đề xuất không được tự duyệt (phân tách nhiệm vụ)'),
  wrongStatus: createError('register.wrong_status', 'Tài liệu không ở trạng thái cho phép thao tác này'),
  notRegisteredOutgoing: createError('register.not_registered_outgoing', 'Chưa vào Sổ đăng ký BMNN đi: không được gửi (R7.2)'),
  periodRefused: createError('register.period_refused', 'Không thực hiện được theo quy định về thời hạn bảo vệ'),
  noticeNotFound: createError('notice.not_found', 'Không tìm thấy thông báo'),
};
