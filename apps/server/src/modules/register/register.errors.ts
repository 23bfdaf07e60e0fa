import { createError } from '../../platform/errors.ts';

export const registerErrors = {
  // Existence is a secret too: whatever the actor may not see is "not found" (STYLE.md errors 5).
  itemNotFound: createError('item.not_found', 'Không tìm thấy tài liệu, vật chứa bí mật nhà nước'),
};
