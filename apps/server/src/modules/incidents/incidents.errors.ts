import { createError } from '../../platform/errors.ts';

export const incidentErrors = {
  notFound: createError('incident.not_found', 'Không tìm thấy vụ lộ, mất bí mật nhà nước'),
  itemAlreadyLinked: createError('incident.item_already_linked', 'Tài liệu, vật chứa BMNN này đã được ghi nhận trong vụ việc'),
  closed: createError('incident.closed', 'Vụ việc đã kết thúc xử lý: không sửa được nữa'),
};
