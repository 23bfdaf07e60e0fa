import { describe, expect, it } from 'vitest';
import { findProposalProblem } from './destruction.rules.ts';

const item = (soKyHieu: string, status = 'RECEIVED', unitId = 'unt_aaaaaaaaaa') => ({ soKyHieu, status, unitId });

describe('R10.4: which chosen items make a destruction proposal list', () => {
  it('accepts items of one unit that are still kept, including declassified ones', () => {
    expect(findProposalProblem([item('1/KH'), item('2/BC', 'DECLASSIFIED'), item('3/TB', 'REGISTERED_OUT')])).toBeNull();
  });

  it('asks for a choice when nothing is chosen', () => {
    expect(findProposalProblem([])).toBe('Chọn tài liệu trong danh sách');
  });

  it('refuses items of two units in one list', () => {
    expect(findProposalProblem([item('1/KH'), item('2/BC', 'RECEIVED', 'unt_bbbbbbbbbb')])).toBe('Chỉ lập danh sách cho tài liệu của cùng một đơn vị');
  });

  it('names the first item that is destroyed already or taken out', () => {
    expect(findProposalProblem([item('1/KH'), item('2/BC', 'TAKEN_OUT'), item('3/TB', 'DESTROYED')])).toBe('Tài liệu 2/BC không ở trạng thái được đề nghị tiêu hủy');
  });
});
