// The 2018 regime: Law 29/2018/QH14, Decree 26/2020/NĐ-CP, Circular 24/2020/TT-BCA, for actions
// from 01/7/2020 to 28/02/2026 (LEGAL.md A4). Kept for records made then, their display and reprint.
import type { RuleSet } from './rule-set.schema.ts';
import { D26, LAW_2018, TT24, confirmed, row, unconfirmed } from './rule-set.helpers.ts';

const IN_FORCE = { validFrom: '2020-07-01', validTo: '2026-02-28' };
const UNTIL_DISTRICTS_END = { validFrom: '2020-07-01', validTo: '2025-06-30' };
const TWO_LEVEL_INTERIM = { validFrom: '2025-07-01', validTo: '2026-02-28' };

const PROVINCE_LEADERS = { roleKeys: ['BI_THU', 'CHU_TICH_HDND', 'CHU_TICH_UBND', 'TRUONG_DOAN_DBQH'], agencyTypes: ['TINH', 'UBND_TINH', 'DANG_DOAN_THE'] } as const;
const PROVINCE_DEPUTIES = { roleKeys: ['CAP_PHO'], agencyTypes: ['TINH', 'UBND_TINH'] } as const;
const DEPARTMENT_HEADS = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['SO_BAN_NGANH', 'DANG_DOAN_THE'] } as const;
const CENTRAL_BRANCH_HEADS = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['CO_QUAN_TRUNG_UONG'] } as const;
const DISTRICT_LEADERS = { roleKeys: ['BI_THU', 'CHU_TICH_HDND'], agencyTypes: ['HUYEN'] } as const;
const DIVISION_HEADS_UNITS = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['PHONG_BAN'] } as const;
const DIVISION_HEADS = { roleKeys: ['TRUONG_PHONG'], agencyTypes: ['SO_BAN_NGANH', 'UBND_TINH', 'DANG_DOAN_THE', 'PHONG_BAN'] } as const;
const COMMUNE_LEADERS = { roleKeys: ['BI_THU', 'CHU_TICH_HDND', 'CHU_TICH_UBND'], agencyTypes: ['XA', 'PHUONG', 'DAC_KHU'] } as const;
const COMMUNE_DIVISION_HEADS = { roleKeys: ['TRUONG_CO_QUAN_THAM_MUU_DANG_UY', 'TRUONG_BAN_HDND', 'TRUONG_PHONG'], agencyTypes: ['XA', 'PHUONG', 'DAC_KHU'] } as const;
const ANY_HEAD = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['*'] } as const;
const ANY_DEPUTY = { roleKeys: ['CAP_PHO'], agencyTypes: ['*'] } as const;
const MANAGER = { roleKeys: ['NGUOI_TRUC_TIEP_QUAN_LY'], agencyTypes: ['*'] } as const;

const COPY_11_1 = confirmed('R5.2', `Điều 11 khoản 1 ${LAW_2018}`);
const COPY_11_2 = confirmed('R5.2', `Điều 11 khoản 2 ${LAW_2018}`);
const COPY_11_2_BRANCH = unconfirmed(
  'R5.2',
  `Điều 11 khoản 2 ${LAW_2018}`,
  'Luật liệt kê người đứng đầu cục, vụ thuộc tổng cục và đơn vị thuộc tòa án, viện kiểm sát; việc gán cho mọi cơ quan Trung ương đóng trên địa bàn là suy luận.',
);
const COPY_11_3 = unconfirmed('R5.2', `Điều 11 khoản 3 ${LAW_2018}`, 'Chưa thấy nguyên văn khoản 3 (độ Mật); cho rằng là người đứng đầu đơn vị cấp phòng.');
const COPY_INTERIM_COMMUNE = unconfirmed(
  'R5.3',
  `${LAW_2018}, sửa đổi bởi Luật số 81/2025/QH15`,
  'Nội dung Luật 81/2025/QH15 (chính quyền hai cấp, 01/7/2025–28/02/2026) chưa thấy; giả định cấp xã có thẩm quyền như Điều 11 Luật 117/2025.',
);
const PROVIDE_11 = unconfirmed(
  'R8.3',
  `Điều 15 khoản 1 ${LAW_2018}`,
  'Người có thẩm quyền sao, chụp quyết định cung cấp, chuyển giao (đã xác nhận); việc giới hạn theo độ mật họ được sao, chụp là suy luận.',
);
const DESTROY_23 = confirmed('R10.3', `Điều 23 khoản 3 ${LAW_2018}`);
const DESTROY_INTERIM = unconfirmed('R10.3', `Điều 23 khoản 3 ${LAW_2018}, sửa đổi bởi Luật số 81/2025/QH15`, 'Thẩm quyền cấp xã giai đoạn chuyển tiếp là giả định.');
const EMERGENCY_23 = confirmed('R10.3', `Điều 23 khoản 3 ${LAW_2018}`, 'Người đang quản lý được tiêu hủy ngay và phải báo cáo bằng văn bản ngay.');
const TAKE_OUT_DOMESTIC = confirmed('R8.1', `Điều 14 khoản 1 ${LAW_2018}`);
const TAKE_OUT_ABROAD = confirmed('R8.1', `Điều 14 khoản 2 ${LAW_2018}`, 'Người quy định tại Điều 11 khoản 1 điểm a–l hoặc cấp phó được ủy quyền; phải báo cáo trưởng đoàn.');
const FOREIGN_TM = confirmed('R8.5', `Điều 16 khoản 1 ${LAW_2018}`, 'Luật 2018: Tuyệt mật chỉ do Thủ tướng Chính phủ quyết định.');
const FOREIGN_MINISTERS = confirmed('R8.5', `Điều 16 khoản 1 ${LAW_2018}`);
const FOREIGN_PROVINCE = unconfirmed(
  'R8.5',
  `Điều 16 khoản 1 ${LAW_2018}`,
  'Luật dẫn Điều 11 khoản 1 điểm a, b, c, d, đ, g, h, i, k; việc lãnh đạo tỉnh thuộc điểm k là suy luận từ thứ tự liệt kê.',
);
const DETERMINE = confirmed('R4.1', `Điều 10 khoản 2 ${LAW_2018}`);
const DETERMINE_DEPUTY = confirmed('R4.1', 'Hướng dẫn 4114/BCA-ANCTNB (2022)', 'Cấp phó được phân công phụ trách lĩnh vực được xác định trong lĩnh vực đó; phải có văn bản phân công.');
const EXTEND = unconfirmed('R9.2', `Điều 20 ${LAW_2018}`, 'Người đứng đầu cơ quan đã xác định bí mật quyết định gia hạn; nguyên văn điều luật chưa thấy.');
const ADJUST = confirmed('R9.3', `Điều 21 ${LAW_2018}`, 'Người có thẩm quyền xác định độ mật thì có thẩm quyền điều chỉnh độ mật.');
const DECLASSIFY = unconfirmed('R9.5', `Điều 22 khoản 3, 4 ${LAW_2018}`, 'Người đứng đầu cơ quan xác định bí mật quyết định giải mật theo đề nghị của Hội đồng; nguyên văn chưa thấy.');

export const RULE_SET_2018: RuleSet = {
  id: 'LAW_2018',
  regime: 'LAW_2018',
  name: 'Luật Bảo vệ BMNN 2018 (Luật 29/2018/QH14, Nghị định 26/2020/NĐ-CP, Thông tư 24/2020/TT-BCA)',
  validFrom: IN_FORCE.validFrom,
  validTo: IN_FORCE.validTo,
  basis: confirmed('A4', `${LAW_2018}; ${D26}; ${TT24}`, 'Áp dụng cho việc thực hiện từ 01/7/2020 đến hết 28/02/2026.'),

  envelopes: {
    marks: {
      TUYET_MAT: { mark: 'A', doubleEnvelope: true },
      TOI_MAT: { mark: 'B', doubleEnvelope: false },
      MAT: { mark: 'C', doubleEnvelope: false },
    },
    basis: confirmed('R7.3', `Điều 4 ${D26}; Mẫu 03 ${TT24}`),
  },

  periods: {
    baseYears: { TUYET_MAT: 30, TOI_MAT: 20, MAT: 10 },
    activityMayBeShorter: true,
    placeEndsOnRelease: true,
    basis: confirmed('R9.1', `Điều 19 ${LAW_2018}`),
    dayCount: 'SAME_DATE_FEB28',
    dayCountBasis: unconfirmed(
      'R9.1',
      `Điều 19 ${LAW_2018}`,
      'Chưa thấy quy định cách tính ngày cuối; mặc định cùng ngày dương lịch N năm sau (29/02 thành 28/02), ghi "đến hết ngày …".',
    ),
  },

  extension: {
    decisionLeadDays: 60,
    maxYearsEach: { TUYET_MAT: 30, TOI_MAT: 20, MAT: 10 },
    maxCount: null,
    notifyWithinDays: 15,
    warningLeadDays: 90,
    basis: unconfirmed(
      'R9.2',
      `Điều 20 ${LAW_2018}`,
      'Các mốc 60 ngày, 15 ngày và "mỗi lần gia hạn không quá thời hạn của độ mật" lấy theo trí nhớ, chưa thấy nguyên văn; không thấy giới hạn số lần gia hạn. Mốc cảnh báo 90 ngày là lựa chọn của phần mềm.',
    ),
  },

  adjustment: {
    notifyWithinDays: 15,
    periodRestart: 'FROM_ORIGINAL_DETERMINATION',
    basis: confirmed('R9.3', `Điều 21 ${LAW_2018}`),
    periodRestartBasis: unconfirmed(
      'R9.3',
      `Điều 21 ${LAW_2018}`,
      'Chưa rõ thời hạn bảo vệ có tính lại từ ngày điều chỉnh hay không; mặc định tính từ ngày xác định độ mật ban đầu.',
    ),
  },

  declassification: {
    cases: [
      {
        key: 'EXPIRED',
        label: 'Hết thời hạn bảo vệ và thời gian gia hạn',
        automatic: true,
        councilRequired: false,
        notifyWithinDays: 0,
        stampRequired: false,
        basis: unconfirmed(
          'R9.4',
          `Điều 22 khoản 1 điểm a, khoản 2 ${LAW_2018}`,
          'Đương nhiên giải mật (đã xác nhận); việc không cần đóng dấu chỉ thấy trong Nghị quyết 757/NQ-UBTVQH15.',
        ),
      },
      {
        key: 'NATIONAL_INTEREST',
        label: 'Đáp ứng yêu cầu lợi ích quốc gia, dân tộc, phát triển kinh tế - xã hội, hội nhập, hợp tác quốc tế',
        automatic: false,
        councilRequired: true,
        notifyWithinDays: 15,
        stampRequired: true,
        basis: unconfirmed('R9.5', `Điều 22 khoản 3, 4 ${LAW_2018}`, 'Hội đồng giải mật, hồ sơ và thông báo 15 ngày theo trí nhớ, phù hợp QĐ 1326/QĐ-BTP; nguyên văn chưa thấy.'),
      },
      {
        key: 'REMOVED_FROM_DANH_MUC',
        label: 'Không còn thuộc danh mục bí mật nhà nước',
        automatic: true,
        councilRequired: false,
        notifyWithinDays: 0,
        stampRequired: true,
        basis: confirmed('R9.4', `Điều 22 khoản 1 điểm c, khoản 2 ${LAW_2018}`, 'Cơ quan xác định bí mật đóng dấu "Giải mật" hoặc có văn bản và thông báo ngay.'),
      },
    ],
    councilMinMembers: 2,
    basis: unconfirmed(
      'R9.5',
      `Điều 22 khoản 3 ${LAW_2018}`,
      'Hội đồng do lãnh đạo cơ quan xác định bí mật làm Chủ tịch, có đại diện cơ quan liên quan: tối thiểu 2 người là suy luận.',
    ),
  },

  destruction: {
    minimumAuthorityCeiling: 'TOI_MAT',
    emergencyReportWithinHours: 24,
    basis: confirmed(
      'R10.3',
      `Điều 23 khoản 3 ${LAW_2018}`,
      'Người có thẩm quyền cho phép sao, chụp Tuyệt mật, Tối mật quyết định tiêu hủy. Luật buộc báo cáo "ngay"; 24 giờ là mức phần mềm đặt.',
    ),
  },

  copying: {
    spoiledMustBeDestroyed: true,
    laterPermissionAllowed: false,
    basis: confirmed('R5.4', `Điều 3 khoản 2, 3 ${D26}`),
    laterPermissionBasis: unconfirmed('R5.8', `Điều 2 khoản 1 ${D26}`, 'Chưa rõ người có thẩm quyền có được cho phép sao, chụp sau khi đã ghi "không được phép sao, chụp"; mặc định chặn.'),
  },

  trichYeu: {
    tuyetMat: 'CONSENT_REQUIRED',
    basis: confirmed('R7.2', `Điều 4 ${D26}`, 'Tuyệt mật chỉ ghi trích yếu khi người có thẩm quyền xác định bí mật đồng ý.'),
  },

  devices: {
    allowedNetworkStatuses: ['AIR_GAPPED_NEVER_CONNECTED', 'CO_YEU_APPROVED'],
    everConnectedDisqualifies: true,
    basis: confirmed('R12.1', `Điều 5 khoản 5 ${LAW_2018}; Điều 3 khoản 4 ${D26}`, 'Cấm dùng thiết bị "đã kết nối hoặc đang kết nối" mạng.'),
  },

  recall: {
    warningLeadDays: 7,
    basis: unconfirmed('R7.7', `Điều 4 ${D26}; Mẫu 07 ${TT24}`, 'Dấu "Tài liệu thu hồi" đã xác nhận; nguyên văn quy định thu hồi chưa thấy. Cảnh báo trước 7 ngày là lựa chọn của phần mềm.'),
  },

  takeOut: {
    warningLeadDays: 3,
    basis: confirmed('R8.1', `Điều 14 ${LAW_2018}`, 'Phải trả lại nơi lưu giữ khi xong nhiệm vụ. Cảnh báo trước 3 ngày là lựa chọn của phần mềm.'),
  },

  annualReport: {
    periodStart: { month: 12, day: 15, yearOffset: -1 },
    periodEnd: { month: 12, day: 14, yearOffset: 0 },
    due: { month: 12, day: 20, yearOffset: 0 },
    basis: confirmed('R14.1', `Điều 8 ${D26}`),
  },

  authorities: [
    // Copying (R5.2), provision to Vietnamese bodies (R8.3), destruction (R10.3), by tier.
    row('2018-copy-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['COPY'], IN_FORCE, COPY_11_1),
    row('2018-provide-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['PROVIDE_DOMESTIC'], IN_FORCE, PROVIDE_11),
    row('2018-destroy-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['DESTROY'], IN_FORCE, DESTROY_23),
    row('2018-copy-department-heads', DEPARTMENT_HEADS, 'TOI_MAT', ['COPY'], IN_FORCE, COPY_11_2),
    row('2018-provide-department-heads', DEPARTMENT_HEADS, 'TOI_MAT', ['PROVIDE_DOMESTIC'], IN_FORCE, PROVIDE_11),
    row('2018-destroy-department-heads', DEPARTMENT_HEADS, 'TOI_MAT', ['DESTROY'], IN_FORCE, DESTROY_23),
    row('2018-copy-central-branch-heads', CENTRAL_BRANCH_HEADS, 'TOI_MAT', ['COPY', 'PROVIDE_DOMESTIC', 'DESTROY'], IN_FORCE, COPY_11_2_BRANCH),
    row('2018-copy-district-leaders', DISTRICT_LEADERS, 'TOI_MAT', ['COPY'], UNTIL_DISTRICTS_END, COPY_11_2),
    row('2018-provide-district-leaders', DISTRICT_LEADERS, 'TOI_MAT', ['PROVIDE_DOMESTIC'], UNTIL_DISTRICTS_END, PROVIDE_11),
    row('2018-destroy-district-leaders', DISTRICT_LEADERS, 'TOI_MAT', ['DESTROY'], UNTIL_DISTRICTS_END, DESTROY_23),
    row('2018-copy-division-units', DIVISION_HEADS_UNITS, 'MAT', ['COPY', 'PROVIDE_DOMESTIC'], IN_FORCE, COPY_11_3),
    row('2018-copy-division-heads', DIVISION_HEADS, 'MAT', ['COPY', 'PROVIDE_DOMESTIC'], IN_FORCE, COPY_11_3),
    row('2018-copy-commune-leaders', COMMUNE_LEADERS, 'TOI_MAT', ['COPY', 'PROVIDE_DOMESTIC'], TWO_LEVEL_INTERIM, COPY_INTERIM_COMMUNE),
    row('2018-destroy-commune-leaders', COMMUNE_LEADERS, 'TOI_MAT', ['DESTROY'], TWO_LEVEL_INTERIM, DESTROY_INTERIM),
    row('2018-copy-commune-division-heads', COMMUNE_DIVISION_HEADS, 'MAT', ['COPY', 'PROVIDE_DOMESTIC'], TWO_LEVEL_INTERIM, COPY_INTERIM_COMMUNE),
    row('2018-destroy-emergency', MANAGER, 'TUYET_MAT', ['DESTROY_EMERGENCY'], IN_FORCE, EMERGENCY_23),

    // Take-out (R8.1).
    row('2018-take-out-domestic-head', ANY_HEAD, 'TUYET_MAT', ['TAKE_OUT_DOMESTIC'], IN_FORCE, TAKE_OUT_DOMESTIC, { relation: 'MANAGING_BODY' }),
    row('2018-take-out-domestic-deputy', ANY_DEPUTY, 'TUYET_MAT', ['TAKE_OUT_DOMESTIC'], IN_FORCE, TAKE_OUT_DOMESTIC, { relation: 'MANAGING_BODY', requiresDelegation: true }),
    row('2018-take-out-abroad-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['TAKE_OUT_ABROAD'], IN_FORCE, TAKE_OUT_ABROAD),
    row('2018-take-out-abroad-province-deputies', PROVINCE_DEPUTIES, 'TUYET_MAT', ['TAKE_OUT_ABROAD'], IN_FORCE, TAKE_OUT_ABROAD, { requiresDelegation: true }),

    // Provision to foreign parties (R8.5, R8.6).
    row('2018-foreign-prime-minister', { roleKeys: ['THU_TUONG'], agencyTypes: ['TRUNG_UONG'] }, 'TUYET_MAT', ['PROVIDE_FOREIGN'], IN_FORCE, FOREIGN_TM),
    row('2018-foreign-ministers', { roleKeys: ['BO_TRUONG_BQP_BCA'], agencyTypes: ['TRUNG_UONG'] }, 'TOI_MAT', ['PROVIDE_FOREIGN'], IN_FORCE, FOREIGN_MINISTERS),
    row('2018-foreign-province-leaders', PROVINCE_LEADERS, 'TOI_MAT', ['PROVIDE_FOREIGN'], IN_FORCE, FOREIGN_PROVINCE),

    // Determination (R4.1), extension (R9.2), adjustment (R9.3), declassification (R9.5).
    row('2018-determine-head', ANY_HEAD, 'TUYET_MAT', ['DETERMINE'], IN_FORCE, DETERMINE),
    row('2018-determine-deputy', ANY_DEPUTY, 'TUYET_MAT', ['DETERMINE'], IN_FORCE, DETERMINE_DEPUTY, { requiresDelegation: true }),
    row('2018-extend-head', ANY_HEAD, 'TUYET_MAT', ['EXTEND'], IN_FORCE, EXTEND, { relation: 'DETERMINING_BODY' }),
    row('2018-adjust-head', ANY_HEAD, 'TUYET_MAT', ['ADJUST'], IN_FORCE, ADJUST, { relation: 'DETERMINING_BODY' }),
    row('2018-adjust-deputy', ANY_DEPUTY, 'TUYET_MAT', ['ADJUST'], IN_FORCE, ADJUST, { relation: 'DETERMINING_BODY', requiresDelegation: true }),
    row('2018-declassify-head', ANY_HEAD, 'TUYET_MAT', ['DECLASSIFY'], IN_FORCE, DECLASSIFY, { relation: 'DETERMINING_BODY' }),
  ],
};
