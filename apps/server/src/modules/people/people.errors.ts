import { createError } from '../../platform/errors.ts';

export const personErrors = {
  notFound: createError('person.not_found', 'Không tìm thấy cán bộ'),
};
