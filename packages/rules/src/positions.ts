// Position keys used by the authority matrices. A person's record lists the keys of the
// positions they hold (a head of unit holds NGUOI_DUNG_DAU as well as, say, CHU_TICH_UBND).
export const POSITIONS = {
  NGUOI_DUNG_DAU: 'Người đứng đầu cơ quan, tổ chức',
  CAP_PHO: 'Cấp phó của người đứng đầu',
  BI_THU: 'Bí thư cấp ủy',
  CHU_TICH_HDND: 'Chủ tịch Hội đồng nhân dân',
  CHU_TICH_UBND: 'Chủ tịch Ủy ban nhân dân',
  TRUONG_DOAN_DBQH: 'Trưởng Đoàn đại biểu Quốc hội tỉnh',
  TRUONG_PHONG: 'Trưởng phòng hoặc tương đương',
  TRUONG_BAN_HDND: 'Trưởng ban của Hội đồng nhân dân',
  TRUONG_CO_QUAN_THAM_MUU_DANG_UY: 'Người đứng đầu cơ quan tham mưu, giúp việc của cấp ủy',
  NGUOI_TRUC_TIEP_QUAN_LY: 'Người trực tiếp quản lý bí mật nhà nước',
  TONG_BI_THU: 'Tổng Bí thư',
  CHU_TICH_NUOC: 'Chủ tịch nước',
  THU_TUONG: 'Thủ tướng Chính phủ',
  CHU_TICH_QUOC_HOI: 'Chủ tịch Quốc hội',
  BO_TRUONG_BQP_BCA: 'Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an',
  THU_TRUONG_BQP_BCA: 'Thứ trưởng Bộ Quốc phòng, Thứ trưởng Bộ Công an',
} as const;
export type PositionKey = keyof typeof POSITIONS;
export const POSITION_KEYS = Object.keys(POSITIONS) as PositionKey[];

/** Forms of a secret item (R1.1): one definition, in the shared contracts. */
export { ITEM_FORMS, ITEM_FORM_LABELS, type ItemForm } from '@bmnn/contracts';
