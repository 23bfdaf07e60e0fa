import { receiveItemRequest } from '@bmnn/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toReceiveRequest, type ReceiveValues } from './receive.request.ts';

const base: ReceiveValues = {
  unitId: 'unt_0123456789abcdef',
  sender: 'Sở Giáo dục và Đào tạo',
  soKyHieu: '125/SGDĐT-KT',
  documentDate: dayjs('2026-11-20'),
  level: 'MAT',
  form: 'PAPER_DOC',
  trichYeu: 'Phương án bảo quản đề thi',
  copies: 2,
  envelopeIntact: true,
  countMatches: true,
  packagingCorrect: true,
};

describe('the receive form sends what the shared schema expects (R7.2, R7.5)', () => {
  it('sends the summary and the condition check of an ordinary envelope, dates as yyyy-mm-dd', () => {
    const body = receiveItemRequest.parse(toReceiveRequest(base));
    expect(body).toMatchObject({ documentDate: '2026-11-20', trichYeu: 'Phương án bảo quản đề thi', copies: 2, namedRecipientId: null });
    expect(body.condition).toEqual({ envelopeIntact: true, countMatches: true, packagingCorrect: true });
  });

  it('R7.2: never sends a summary for a Tuyệt mật item, even one typed before the level changed', () => {
    expect(toReceiveRequest({ ...base, level: 'TUYET_MAT' }).trichYeu).toBeUndefined();
  });

  it('R7.5b: never sends a summary for an envelope only the named person may open', () => {
    const body = toReceiveRequest({ ...base, named: true, namedRecipientId: 'psn_0123456789abcdef' });
    expect(body.trichYeu).toBeUndefined();
    expect(body.namedRecipientId).toBe('psn_0123456789abcdef');
  });

  it('an unticked box is a failed check, not a missing one', () => {
    const body = toReceiveRequest({ ...base, envelopeIntact: undefined, countMatches: false });
    expect(body.condition).toEqual({ envelopeIntact: false, countMatches: false, packagingCorrect: true });
  });

  it('R7.7: a recall stamp without its deadline fails validation on the deadline field', () => {
    const result = receiveItemRequest.safeParse(toReceiveRequest({ ...base, recall: true, recallDeadline: null }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['recallDeadline']);
  });

  it('a named envelope without the person fails validation on the recipient field', () => {
    const result = receiveItemRequest.safeParse(toReceiveRequest({ ...base, named: true }));
    expect(result.error?.issues[0]?.path).toEqual(['namedRecipientId']);
  });
});
