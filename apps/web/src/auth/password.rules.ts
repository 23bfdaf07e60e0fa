import type { Rule } from 'antd/es/form';

/** The "type it again" field must equal the field named `other`. */
export function confirmPasswordRule(other: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('Nhập lại mật khẩu');
      if (value !== getFieldValue(other)) throw new Error('Hai mật khẩu không khớp');
    },
  });
}
