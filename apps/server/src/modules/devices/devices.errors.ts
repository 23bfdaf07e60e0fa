import { createError } from '../../platform/errors.ts';

export const deviceErrors = {
  notFound: createError('device.not_found', 'Không tìm thấy thiết bị'),
  assetCodeTaken: createError('device.asset_code_taken', 'Mã tài sản đã được dùng cho thiết bị khác của đơn vị'),
  checkRequired: createError('device.check_required', 'Thiết bị phải được kiểm tra an ninh, an toàn trước khi đưa vào sử dụng'),
  sanitisationRequired: createError(
    'device.sanitisation_required',
    'Trước khi sửa chữa bên ngoài, chuyển mục đích sử dụng hoặc thanh lý phải xóa bỏ bí mật nhà nước hoặc tiêu hủy bộ phận lưu trữ, có người chứng kiến',
  ),
  transitionNotAllowed: createError('device.transition_not_allowed', 'Không được chuyển thiết bị sang trạng thái này'),
  everConnectedPermanent: createError('device.ever_connected_permanent', 'Thiết bị đã từng kết nối mạng thì không thể xóa thông tin này'),
  notApproved: createError('device.not_approved', 'Thiết bị không được phép dùng cho công việc này'),
};
