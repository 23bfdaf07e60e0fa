import { createError } from '../../platform/errors.ts';

export const trainingErrors = {
  notFound: createError('training.not_found', 'Không tìm thấy buổi tập huấn, tuyên truyền'),
};
