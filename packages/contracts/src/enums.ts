// Enumerations shared by server, web and CLI. Each is an `as const` object plus a union type,
// with the Vietnamese label shown to people.

export const LEVELS = ['MAT', 'TOI_MAT', 'TUYET_MAT'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = {
  MAT: 'Mật',
  TOI_MAT: 'Tối mật',
  TUYET_MAT: 'Tuyệt mật',
};
/** Order of levels: Tuyệt mật > Tối mật > Mật (LEGAL.md R3.1). */
export const LEVEL_RANK: Record<Level, number> = { MAT: 1, TOI_MAT: 2, TUYET_MAT: 3 };

/** A person's clearance ceiling: a level, or none. */
export const CLEARANCES = ['NONE', ...LEVELS] as const;
export type Clearance = (typeof CLEARANCES)[number];
export const CLEARANCE_LABELS: Record<Clearance, string> = { NONE: 'Không', ...LEVEL_LABELS };
export const CLEARANCE_RANK: Record<Clearance, number> = { NONE: 0, ...LEVEL_RANK };

export const ROLES = [
  'QUAN_TRI',
  'VAN_THU',
  'LANH_DAO',
  'CAN_BO',
  'CAN_BO_BAO_MAT',
  'THANH_TRA',
  'BAN_CHI_DAO',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  QUAN_TRI: 'Quản trị',
  VAN_THU: 'Văn thư bảo mật',
  LANH_DAO: 'Lãnh đạo',
  CAN_BO: 'Cán bộ',
  CAN_BO_BAO_MAT: 'Cán bộ bảo mật',
  THANH_TRA: 'Thanh tra',
  BAN_CHI_DAO: 'Ban Chỉ đạo',
};

/**
 * Kinds of unit in a province after 01/7/2025 (LEGAL.md R1.2). HUYEN exists only for legacy,
 * defunct records: no new unit may be created with it.
 */
export const UNIT_KINDS = [
  'TINH',
  'UBND_TINH',
  'DANG_DOAN_THE',
  'SO_BAN_NGANH',
  'CO_QUAN_TRUNG_UONG',
  'DOANH_NGHIEP',
  'XA',
  'PHUONG',
  'DAC_KHU',
  'BAN_CHI_DAO',
  'CO_QUAN_THUONG_TRUC',
  'PHONG_BAN',
  'HUYEN',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  TINH: 'Tỉnh',
  UBND_TINH: 'Ủy ban nhân dân tỉnh',
  DANG_DOAN_THE: 'Cơ quan Đảng, đoàn thể',
  SO_BAN_NGANH: 'Sở, ban, ngành',
  CO_QUAN_TRUNG_UONG: 'Cơ quan Trung ương đóng trên địa bàn',
  DOANH_NGHIEP: 'Doanh nghiệp',
  XA: 'Xã',
  PHUONG: 'Phường',
  DAC_KHU: 'Đặc khu',
  BAN_CHI_DAO: 'Ban Chỉ đạo',
  CO_QUAN_THUONG_TRUC: 'Cơ quan thường trực (Công an tỉnh)',
  PHONG_BAN: 'Phòng, ban trực thuộc',
  HUYEN: 'Huyện (đã giải thể)',
};
/** Kinds that may be used for new units: no district level (LEGAL.md R1.2). */
export const CREATABLE_UNIT_KINDS = UNIT_KINDS.filter((k) => k !== 'HUYEN');

export const ACCOUNT_STATUSES = ['ACTIVE', 'LOCKED', 'DISABLED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  ACTIVE: 'Đang hoạt động',
  LOCKED: 'Đã khóa',
  DISABLED: 'Vô hiệu hóa',
};
