// Vietnamese labels and colour-coded level tags shared by the register pages.
import { LEVEL_LABELS, type Level, type Role } from '@bmnn/contracts';
import { Tag } from 'antd';

/** Mật, Tối mật, Tuyệt mật: the darker the red, the higher the level. */
export const LEVEL_COLORS: Record<Level, string> = { MAT: 'gold', TOI_MAT: 'volcano', TUYET_MAT: 'red' };

export function LevelTag({ level }: { level: Level }) {
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={`level-${level}`} style={{ fontWeight: level === 'TUYET_MAT' ? 600 : undefined }}>
      {LEVEL_LABELS[level]}
    </Tag>
  );
}

export const ITEM_STATUS_LABELS: Record<string, string> = {
  REGISTERED: 'Đã đăng ký',
  RECEIVED: 'Đã vào sổ đến',
  RECEIVED_UNOPENED: 'Chuyển nguyên bì cho người có tên',
  RECEIVED_TAMPERED: 'Bì có dấu hiệu bóc mở — đã báo cáo lãnh đạo',
  PROPOSED: 'Đề xuất độ mật',
  DETERMINED: 'Đã xác định độ mật',
  REGISTERED_OUT: 'Đã vào sổ đi',
  SENT: 'Đã gửi',
  DECLASSIFIED: 'Đã giải mật',
  DESTROYED: 'Đã tiêu hủy',
  LOST: 'Bị mất — đã lập vụ mất BMNN',
  DISCLOSED: 'Bị lộ — đã lập vụ lộ BMNN',
  TAKEN_OUT: 'Đang mang ra khỏi nơi lưu giữ',
};

export function statusLabel(status: string): string {
  return ITEM_STATUS_LABELS[status] ?? status;
}

/** The clerk and the head keep the books and register items for their units (ITEM_SCOPE_ROLES). */
export const canKeepBooks = (roles: readonly Role[]) => roles.some((r) => r === 'VAN_THU' || r === 'LANH_DAO');
