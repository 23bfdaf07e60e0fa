import { createUnitRequest } from '@bmnn/contracts';
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api.client.ts';
import { submitForm } from './zod-form.ts';

/** Just what the helpers use of an antd form: its registered fields and setFields. */
function fakeForm(fieldNames: string[]) {
  const errors = new Map<string, string[]>();
  const form = {
    getFieldsValue: () => Object.fromEntries(fieldNames.map((n) => [n, undefined])),
    setFields: (fields: { name: string; errors: string[] }[]) => fields.forEach((f) => errors.set(f.name, f.errors)),
  } as unknown as FormInstance;
  return { form, errors };
}

const validUnit = { code: 'STP', name: 'Sở Tư pháp', kind: 'SO_BAN_NGANH', parentId: null };

describe('forms validate with the shared schemas', () => {
  it('puts the schema messages on the fields and sends nothing when the input is invalid', async () => {
    const { form, errors } = fakeForm(['code', 'name', 'kind']);
    let sent = false;
    const outcome = await submitForm({
      form,
      schema: createUnitRequest,
      values: { ...validUnit, code: 'Sở TP', name: '  ' },
      send: async () => {
        sent = true;
      },
    });
    expect(outcome).toEqual({ ok: false, message: undefined });
    expect(sent).toBe(false);
    expect(errors.get('code')).toEqual(['Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang']);
    expect(errors.get('name')).toEqual(['Tên đơn vị không được để trống']);
  });

  it('sends the parsed body (trimmed, defaults applied)', async () => {
    const { form } = fakeForm(['code', 'name', 'kind']);
    const outcome = await submitForm({
      form,
      schema: createUnitRequest,
      values: { ...validUnit, name: '  Sở Tư pháp ' },
      send: async (body) => body,
    });
    expect(outcome).toEqual({ ok: true, result: { ...validUnit, name: 'Sở Tư pháp', isKeyPost: false } });
  });

  it("places the server's field issues, and returns those that match no field as the message", async () => {
    const { form, errors } = fakeForm(['code', 'name', 'kind']);
    const outcome = await submitForm({
      form,
      schema: createUnitRequest,
      values: validUnit,
      send: async () => {
        throw new ApiError({
          code: 'validation.failed',
          status: 400,
          message: 'Dữ liệu không hợp lệ',
          details: {
            issues: [
              { path: ['code'], message: 'Mã đơn vị đã được dùng' },
              { path: ['validFrom'], message: 'Ngày không tồn tại' },
            ],
          },
        });
      },
    });
    expect(errors.get('code')).toEqual(['Mã đơn vị đã được dùng']);
    expect(outcome).toEqual({ ok: false, message: 'Ngày không tồn tại' });
  });

  it("shows any other refusal as the server's message", async () => {
    const { form } = fakeForm(['code']);
    const outcome = await submitForm({
      form,
      schema: createUnitRequest,
      values: validUnit,
      send: async () => {
        throw new ApiError({ code: 'unit.code_taken', status: 409, message: 'Mã đơn vị STP đã được dùng' });
      },
    });
    expect(outcome).toEqual({ ok: false, message: 'Mã đơn vị STP đã được dùng' });
  });
});
