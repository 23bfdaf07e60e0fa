import { createError } from '../../platform/errors.ts';

export const trainingErrors = {
  notFound: createError('training.not_found', 'Không tìm thấy buổi tập huấn, tuyên truyền'),
  attendeeNotFound: createError('training.attendee_not_found', 'Người này không có trong danh sách tham dự buổi tập huấn'),
};
