import { MENU_BY_ROLE, type MenuKey, type Role } from '@bmnn/contracts';

/** Menu entries in display order, with their route and Vietnamese label. */
export const MENU_ENTRIES: readonly { key: MenuKey; path: string; label: string }[] = [
  { key: 'todo', path: '/viec-can-lam', label: 'Việc cần làm' },
  { key: 'items', path: '/items', label: 'Tài liệu, vật chứa BMNN' },
  { key: 'devices', path: '/devices', label: 'Thiết bị, sản phẩm mật mã' },
  { key: 'incidents', path: '/incidents', label: 'Vụ lộ, mất BMNN' },
  { key: 'leakChecks', path: '/leak-checks', label: 'Kiểm tra trước khi đăng' },
  { key: 'units', path: '/units', label: 'Đơn vị' },
  { key: 'people', path: '/people', label: 'Cán bộ, nhân viên' },
  { key: 'secret-work', path: '/secret-work', label: 'Phân công, cam kết, thu hồi' },
  { key: 'training', path: '/training', label: 'Tập huấn, tuyên truyền' },
  { key: 'meetings', path: '/meetings', label: 'Hội nghị, cuộc họp mật' },
  { key: 'accounts', path: '/accounts', label: 'Tài khoản' },
  { key: 'audit', path: '/audit', label: 'Nhật ký hệ thống' },
  { key: 'books', path: '/books', label: 'Sổ sách' },
  { key: 'periods', path: '/periods', label: 'Thời hạn bảo vệ' },
  { key: 'releases', path: '/releases', label: 'Mang ra, cung cấp' },
  { key: 'destruction', path: '/destruction', label: 'Tiêu hủy' },
  { key: 'danhMuc', path: '/danh-muc', label: 'Danh mục BMNN' },
  { key: 'files', path: '/files', label: 'Hồ sơ, nộp lưu' },
  { key: 'ruleSets', path: '/rule-sets', label: 'Bộ quy tắc pháp lý' },
];

/** The entries a person with these roles sees: the union of MENU_BY_ROLE, in display order. */
export function getMenuEntries(roles: readonly Role[]): { key: MenuKey; path: string; label: string }[] {
  const allowed = new Set<MenuKey>(roles.flatMap((role) => MENU_BY_ROLE[role]));
  return MENU_ENTRIES.filter((entry) => allowed.has(entry.key));
}
