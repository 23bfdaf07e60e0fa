import { createError } from '../../platform/errors.ts';

export const meetingErrors = {
  notFound: createError('meeting.not_found', 'Không tìm thấy hội nghị, cuộc họp'),
  wrongStatus: createError('meeting.wrong_status', 'Cuộc họp không ở bước cho phép thao tác này'),
  policeCheckRequired: createError(
    'meeting.police_check_required',
    'Cuộc họp tổ chức ngoài trụ sở cơ quan phải có văn bản đề nghị Bộ Công an hoặc Công an tỉnh kiểm tra an ninh, an toàn địa điểm (R8.7)',
  ),
  coYeuLineRequired: createError('meeting.co_yeu_line_required', 'Cuộc họp trực tuyến có nội dung bí mật nhà nước chỉ được tổ chức trên đường truyền được bảo vệ bằng mật mã cơ yếu (R8.7)'),
  deviceBanRequired: createError(
    'meeting.device_ban_required',
    'Cuộc họp có nội dung Tối mật, Tuyệt mật phải thông báo cấm mang thiết bị có tính năng thu, phát, ghi âm, ghi hình vào phòng họp (R8.8)',
  ),
  equipmentNotChecked: createError('meeting.equipment_not_checked', 'Thiết bị phục vụ cuộc họp phải được Bộ Công an hoặc Công an tỉnh kiểm tra an ninh, an toàn trước khi lắp đặt (R8.7)'),
  attendeeNotCleared: createError('meeting.attendee_not_cleared', 'Người tham dự không được tiếp cận bí mật nhà nước ở độ mật của cuộc họp'),
  itemAboveLevel: createError('meeting.item_above_level', 'Tài liệu có độ mật cao hơn độ mật của cuộc họp'),
  documentsNotCollected: createError('meeting.documents_not_collected', 'Còn tài liệu đã phát tại cuộc họp chưa được thu hồi: chưa kết thúc được cuộc họp'),
};
