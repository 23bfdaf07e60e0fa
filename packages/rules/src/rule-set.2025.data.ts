// The 2025 regime: Law 117/2025/QH15 and Decree 63/2026/NĐ-CP, for actions from 01/3/2026
// (LEGAL.md A4, R1.1). Much of it was seen only in press summaries: those rules are
// `confirmed: false` and must be checked by an administrator against the official text.
import type { RuleSet } from './rule-set.schema.ts';
import { D26, D63, LAW_2025, confirmed, row, unconfirmed } from './rule-set.helpers.ts';

const IN_FORCE = { validFrom: '2026-03-01', validTo: null };

const PROVINCE_LEADERS = { roleKeys: ['BI_THU', 'CHU_TICH_HDND', 'CHU_TICH_UBND', 'TRUONG_DOAN_DBQH'], agencyTypes: ['TINH', 'UBND_TINH', 'DANG_DOAN_THE'] } as const;
const PROVINCE_DEPUTIES = { roleKeys: ['CAP_PHO'], agencyTypes: ['TINH', 'UBND_TINH'] } as const;
const DEPARTMENT_HEADS = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['SO_BAN_NGANH', 'DANG_DOAN_THE'] } as const;
const CENTRAL_BRANCH_HEADS = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['CO_QUAN_TRUNG_UONG'] } as const;
const DIVISION_HEADS_UNITS = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['PHONG_BAN'] } as const;
const DIVISION_HEADS = { roleKeys: ['TRUONG_PHONG'], agencyTypes: ['SO_BAN_NGANH', 'UBND_TINH', 'DANG_DOAN_THE', 'PHONG_BAN'] } as const;
const COMMUNE_LEADERS = { roleKeys: ['BI_THU', 'CHU_TICH_HDND', 'CHU_TICH_UBND'], agencyTypes: ['XA', 'PHUONG', 'DAC_KHU'] } as const;
const COMMUNE_DIVISION_HEADS = { roleKeys: ['TRUONG_CO_QUAN_THAM_MUU_DANG_UY', 'TRUONG_BAN_HDND', 'TRUONG_PHONG'], agencyTypes: ['XA', 'PHUONG', 'DAC_KHU'] } as const;
const ANY_HEAD = { roleKeys: ['NGUOI_DUNG_DAU'], agencyTypes: ['*'] } as const;
const ANY_DEPUTY = { roleKeys: ['CAP_PHO'], agencyTypes: ['*'] } as const;
const MANAGER = { roleKeys: ['NGUOI_TRUC_TIEP_QUAN_LY'], agencyTypes: ['*'] } as const;
const TOP_LEADERS = { roleKeys: ['TONG_BI_THU', 'CHU_TICH_NUOC', 'THU_TUONG', 'CHU_TICH_QUOC_HOI'], agencyTypes: ['TRUNG_UONG'] } as const;
const DEFENCE_SECURITY_MINISTERS = { roleKeys: ['BO_TRUONG_BQP_BCA', 'THU_TRUONG_BQP_BCA'], agencyTypes: ['TRUNG_UONG'] } as const;

const ART_11_PROVINCE = unconfirmed(
  'R5.3',
  `Điều 11 khoản 1 ${LAW_2025}`,
  'Danh sách cấp tỉnh theo Luật 2025 chưa thấy; giữ như Luật 2018. Phải đối chiếu văn bản chính thức trước khi dùng.',
);
const ART_11_DEPARTMENT = unconfirmed('R5.3', `Điều 11 khoản 2 ${LAW_2025}`, 'Danh sách cấp tỉnh theo Luật 2025 chưa thấy; giữ như Luật 2018 (người đứng đầu sở, ban, ngành: Tối mật).');
const ART_11_BRANCH = unconfirmed('R5.3', `Điều 11 khoản 2 ${LAW_2025}`, 'Chưa thấy; việc gán cho cơ quan Trung ương đóng trên địa bàn là suy luận từ Luật 2018.');
const ART_11_DIVISION = unconfirmed('R5.3', `Điều 11 khoản 3 ${LAW_2025}`, 'Chưa thấy nguyên văn khoản độ Mật; cho rằng là người đứng đầu đơn vị cấp phòng.');
const ART_11_COMMUNE = confirmed('R5.3', `Điều 11 ${LAW_2025}`, 'Bí thư, Chủ tịch HĐND, Chủ tịch UBND cấp xã: Tối mật.');
const ART_11_COMMUNE_DIVISION = confirmed('R5.3', `Điều 11 ${LAW_2025}`, 'Người đứng đầu cơ quan tham mưu của Đảng ủy xã, Trưởng ban HĐND xã, Trưởng phòng UBND xã: Mật.');
const PROVIDE = unconfirmed('R8.3', `Điều 15 ${LAW_2025}`, 'Điều tương ứng của Luật 2025 chưa thấy; giữ nguyên tắc Luật 2018 (người có thẩm quyền sao, chụp, theo độ mật).');
const DESTROY = unconfirmed('R10.3', `Điều 23 ${LAW_2025}`, 'Thay đổi của Luật 2025 về tiêu hủy chưa thấy; giữ nguyên tắc Luật 2018 (thẩm quyền Tối mật trở lên).');
const EMERGENCY = unconfirmed('R10.3', `Điều 23 ${LAW_2025}`, 'Giữ nguyên tắc Luật 2018: người đang quản lý tiêu hủy ngay và báo cáo bằng văn bản ngay.');
const TAKE_OUT_DOMESTIC = unconfirmed('R8.2', `Điều 14 ${LAW_2025}; Điều 7 ${D63}`, 'Thủ tục đã xác nhận về nội dung; người cho phép trong nước chưa thấy, giữ như Luật 2018.');
const TAKE_OUT_ABROAD = unconfirmed('R8.1', `Điều 14 khoản 2 ${LAW_2025}; Điều 7 ${D63}`, 'Danh sách người cho phép mang ra nước ngoài chưa thấy; giữ như Luật 2018.');
const FOREIGN_TM = confirmed('R8.5', `Điều 16 khoản 1 ${LAW_2025}`);
const FOREIGN_MINISTERS = confirmed('R8.5', `Điều 16 khoản 1 ${LAW_2025}`);
const FOREIGN_PROVINCE = unconfirmed(
  'R8.5',
  `Điều 16 khoản 1 ${LAW_2025}`,
  'Người đứng đầu và cấp phó của cơ quan tại Điều 11 khoản 1 điểm a–k (đã xác nhận); việc lãnh đạo tỉnh thuộc các điểm đó chưa thấy.',
);
const DETERMINE = unconfirmed('R4.1', `Điều 2 khoản 1, Điều 10 ${LAW_2025}`, 'Luật 2025 dùng "người có thẩm quyền theo quy định của Luật này"; giữ người đứng đầu như Luật 2018.');
const DETERMINE_DEPUTY = unconfirmed('R4.1', D63, 'Dự thảo Nghị định yêu cầu cấp phó có văn bản ủy quyền hoặc phân công; văn bản cuối chưa thấy.');
const EXTEND = unconfirmed('R9.2', `Điều 20 ${LAW_2025}`, 'Nguyên văn chưa thấy; giữ người đứng đầu cơ quan xác định bí mật.');
const ADJUST = confirmed('R9.3', `Điều 21 ${LAW_2025}`, 'Người có thẩm quyền xác định độ mật thì có thẩm quyền điều chỉnh.');
const DECLASSIFY = unconfirmed('R9.5', `Điều 22 ${LAW_2025}`, 'Chỉ thấy phần đầu Điều 22; giữ người đứng đầu cơ quan xác định bí mật.');

export const RULE_SET_2025: RuleSet = {
  id: 'LAW_2025',
  regime: 'LAW_2025',
  name: 'Luật Bảo vệ BMNN 2025 (Luật 117/2025/QH15, Nghị định 63/2026/NĐ-CP)',
  validFrom: IN_FORCE.validFrom,
  validTo: IN_FORCE.validTo,
  basis: unconfirmed('A4', `${LAW_2025}; ${D63}`, 'Luật có hiệu lực từ 01/3/2026 (đã xác nhận); ngày ban hành và hiệu lực của Nghị định 63/2026 chưa xác nhận.'),

  envelopes: {
    marks: {
      TUYET_MAT: { mark: 'A', doubleEnvelope: true },
      TOI_MAT: { mark: 'B', doubleEnvelope: false },
      MAT: { mark: 'C', doubleEnvelope: false },
    },
    basis: unconfirmed('R7.3', D63, 'Cho rằng giữ nguyên quy định Điều 4 Nghị định 26/2020 (bì A/B/C, Tuyệt mật hai lớp bì); phụ lục mẫu dấu chưa thấy.'),
  },

  periods: {
    baseYears: { TUYET_MAT: 30, TOI_MAT: 20, MAT: 10 },
    activityMayBeShorter: true,
    placeEndsOnRelease: true,
    basis: confirmed('R9.1', `Điều 19 ${LAW_2025}`, 'Thời hạn 30/20/10 năm giữ nguyên (baomoi.net.vn).'),
    dayCount: 'SAME_DATE_FEB28',
    dayCountBasis: unconfirmed(
      'R9.1',
      `Điều 19 ${LAW_2025}`,
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
      `Điều 20 ${LAW_2025}`,
      'Giữ các mốc của Luật 2018 (60 ngày, 15 ngày, mỗi lần không quá thời hạn của độ mật), vốn theo trí nhớ; không thấy giới hạn số lần. Gia hạn văn bản điện tử do Nghị định 63/2026 quy định.',
    ),
  },

  adjustment: {
    notifyWithinDays: 15,
    periodRestart: 'FROM_ORIGINAL_DETERMINATION',
    basis: confirmed('R9.3', `Điều 21 ${LAW_2025}`),
    periodRestartBasis: unconfirmed('R9.3', `Điều 21 ${LAW_2025}`, 'Chưa rõ thời hạn bảo vệ có tính lại từ ngày điều chỉnh hay không; mặc định tính từ ngày xác định ban đầu.'),
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
        basis: unconfirmed('R9.4', `Điều 22 khoản 1 điểm a ${LAW_2025}`, 'Phần đầu Điều 22 giống Luật 2018; việc không cần đóng dấu chưa xác nhận.'),
      },
      {
        key: 'NATIONAL_INTEREST',
        label: 'Đáp ứng yêu cầu lợi ích quốc gia, dân tộc, phát triển kinh tế - xã hội, hội nhập, hợp tác quốc tế',
        automatic: false,
        councilRequired: true,
        notifyWithinDays: 15,
        stampRequired: true,
        basis: unconfirmed('R9.5', `Điều 22 ${LAW_2025}`, 'Giữ thủ tục Hội đồng giải mật và thông báo 15 ngày của Luật 2018; Điều 22 khoản 2–5 Luật 2025 chưa thấy.'),
      },
      {
        key: 'REMOVED_FROM_DANH_MUC',
        label: 'Không còn thuộc danh mục bí mật nhà nước',
        automatic: true,
        councilRequired: false,
        notifyWithinDays: 0,
        stampRequired: true,
        basis: unconfirmed('R9.4', `Điều 22 ${LAW_2025}`, 'Giữ quy định Luật 2018 (đóng dấu "Giải mật" và thông báo ngay); nguyên văn 2025 chưa thấy.'),
      },
    ],
    councilMinMembers: 2,
    basis: unconfirmed('R9.5', `Điều 22 ${LAW_2025}`, 'Hội đồng có Chủ tịch là lãnh đạo cơ quan xác định bí mật và đại diện cơ quan liên quan: tối thiểu 2 người là suy luận.'),
  },

  destruction: {
    minimumAuthorityCeiling: 'TOI_MAT',
    emergencyReportWithinHours: 24,
    basis: unconfirmed('R10.3', `Điều 23 ${LAW_2025}`, 'Giữ quy định Luật 2018 (thẩm quyền Tối mật trở lên); đại biểu Quốc hội đề nghị đơn giản hóa, kết quả chưa rõ. 24 giờ là mức phần mềm đặt.'),
  },

  copying: {
    spoiledMustBeDestroyed: true,
    laterPermissionAllowed: false,
    basis: unconfirmed('R5.4', D63, 'Dự thảo Nghị định 63 nhắc lại Điều 3 Nghị định 26/2020 (chỉ sao đúng số bản, hủy ngay bản hỏng, thừa); văn bản cuối chưa thấy.'),
    laterPermissionBasis: unconfirmed('R5.8', D63, 'Chưa rõ có được cho phép sao, chụp sau khi đã ghi "không được phép"; mặc định chặn.'),
  },

  trichYeu: {
    tuyetMat: 'NEVER',
    basis: unconfirmed('R7.2', D63, 'Báo chí đưa tin Tuyệt mật không ghi trích yếu; còn ngoại lệ "được đồng ý" như Nghị định 26/2020 hay không chưa rõ.'),
  },

  devices: {
    allowedNetworkStatuses: ['AIR_GAPPED_NEVER_CONNECTED', 'INDEPENDENT_LAN', 'CO_YEU_APPROVED'],
    everConnectedDisqualifies: false,
    basis: confirmed('R12.1', `Điều 5 khoản 2 ${LAW_2025}`, 'Cấm thiết bị "đang kết nối"; mạng LAN độc lập được phép.'),
  },

  recall: {
    warningLeadDays: 7,
    basis: unconfirmed('R7.7', `${D63}; Điều 4 ${D26}`, 'Quy định thu hồi theo Nghị định 63/2026 chưa thấy. Cảnh báo trước 7 ngày là lựa chọn của phần mềm.'),
  },

  takeOut: {
    warningLeadDays: 3,
    basis: confirmed('R8.2', `Điều 7 ${D63}`, 'Phải trả lại nơi lưu giữ khi xong nhiệm vụ. Cảnh báo trước 3 ngày là lựa chọn của phần mềm.'),
  },

  annualReport: {
    periodStart: { month: 12, day: 15, yearOffset: -1 },
    periodEnd: { month: 12, day: 14, yearOffset: 0 },
    due: { month: 12, day: 20, yearOffset: 0 },
    basis: unconfirmed('R14.2', D63, 'Nghị định 63/2026 sửa chế độ báo cáo; mốc mới chưa thấy. Giữ mốc Điều 8 Nghị định 26/2020.'),
  },

  authorities: [
    // Copying (R5.3), provision to Vietnamese bodies (R8.3), destruction (R10.3), by tier.
    row('2025-copy-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['COPY'], IN_FORCE, ART_11_PROVINCE),
    row('2025-provide-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['PROVIDE_DOMESTIC'], IN_FORCE, PROVIDE),
    row('2025-destroy-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['DESTROY'], IN_FORCE, DESTROY),
    row('2025-copy-department-heads', DEPARTMENT_HEADS, 'TOI_MAT', ['COPY'], IN_FORCE, ART_11_DEPARTMENT),
    row('2025-provide-department-heads', DEPARTMENT_HEADS, 'TOI_MAT', ['PROVIDE_DOMESTIC'], IN_FORCE, PROVIDE),
    row('2025-destroy-department-heads', DEPARTMENT_HEADS, 'TOI_MAT', ['DESTROY'], IN_FORCE, DESTROY),
    row('2025-copy-central-branch-heads', CENTRAL_BRANCH_HEADS, 'TOI_MAT', ['COPY', 'PROVIDE_DOMESTIC', 'DESTROY'], IN_FORCE, ART_11_BRANCH),
    row('2025-copy-division-units', DIVISION_HEADS_UNITS, 'MAT', ['COPY', 'PROVIDE_DOMESTIC'], IN_FORCE, ART_11_DIVISION),
    row('2025-copy-division-heads', DIVISION_HEADS, 'MAT', ['COPY', 'PROVIDE_DOMESTIC'], IN_FORCE, ART_11_DIVISION),
    row('2025-copy-commune-leaders', COMMUNE_LEADERS, 'TOI_MAT', ['COPY'], IN_FORCE, ART_11_COMMUNE),
    row('2025-provide-commune-leaders', COMMUNE_LEADERS, 'TOI_MAT', ['PROVIDE_DOMESTIC'], IN_FORCE, PROVIDE),
    row('2025-destroy-commune-leaders', COMMUNE_LEADERS, 'TOI_MAT', ['DESTROY'], IN_FORCE, DESTROY),
    row('2025-copy-commune-division-heads', COMMUNE_DIVISION_HEADS, 'MAT', ['COPY'], IN_FORCE, ART_11_COMMUNE_DIVISION),
    row('2025-provide-commune-division-heads', COMMUNE_DIVISION_HEADS, 'MAT', ['PROVIDE_DOMESTIC'], IN_FORCE, PROVIDE),
    row('2025-destroy-emergency', MANAGER, 'TUYET_MAT', ['DESTROY_EMERGENCY'], IN_FORCE, EMERGENCY),

    // Take-out (R8.1, R8.2).
    row('2025-take-out-domestic-head', ANY_HEAD, 'TUYET_MAT', ['TAKE_OUT_DOMESTIC'], IN_FORCE, TAKE_OUT_DOMESTIC, { relation: 'MANAGING_BODY' }),
    row('2025-take-out-domestic-deputy', ANY_DEPUTY, 'TUYET_MAT', ['TAKE_OUT_DOMESTIC'], IN_FORCE, TAKE_OUT_DOMESTIC, { relation: 'MANAGING_BODY', requiresDelegation: true }),
    row('2025-take-out-abroad-province-leaders', PROVINCE_LEADERS, 'TUYET_MAT', ['TAKE_OUT_ABROAD'], IN_FORCE, TAKE_OUT_ABROAD),
    row('2025-take-out-abroad-province-deputies', PROVINCE_DEPUTIES, 'TUYET_MAT', ['TAKE_OUT_ABROAD'], IN_FORCE, TAKE_OUT_ABROAD, { requiresDelegation: true }),

    // Provision to foreign parties (R8.5, R8.6): Tuyệt mật only by the four top leaders.
    row('2025-foreign-top-leaders', TOP_LEADERS, 'TUYET_MAT', ['PROVIDE_FOREIGN'], IN_FORCE, FOREIGN_TM),
    row('2025-foreign-ministers', DEFENCE_SECURITY_MINISTERS, 'TOI_MAT', ['PROVIDE_FOREIGN'], IN_FORCE, FOREIGN_MINISTERS),
    row('2025-foreign-province-leaders', PROVINCE_LEADERS, 'TOI_MAT', ['PROVIDE_FOREIGN'], IN_FORCE, FOREIGN_PROVINCE),
    row('2025-foreign-province-deputies', PROVINCE_DEPUTIES, 'TOI_MAT', ['PROVIDE_FOREIGN'], IN_FORCE, FOREIGN_PROVINCE),

    // Determination (R4.1), extension (R9.2), adjustment (R9.3), declassification (R9.5).
    row('2025-determine-head', ANY_HEAD, 'TUYET_MAT', ['DETERMINE'], IN_FORCE, DETERMINE),
    row('2025-determine-deputy', ANY_DEPUTY, 'TUYET_MAT', ['DETERMINE'], IN_FORCE, DETERMINE_DEPUTY, { requiresDelegation: true }),
    row('2025-extend-head', ANY_HEAD, 'TUYET_MAT', ['EXTEND'], IN_FORCE, EXTEND, { relation: 'DETERMINING_BODY' }),
    row('2025-adjust-head', ANY_HEAD, 'TUYET_MAT', ['ADJUST'], IN_FORCE, ADJUST, { relation: 'DETERMINING_BODY' }),
    row('2025-adjust-deputy', ANY_DEPUTY, 'TUYET_MAT', ['ADJUST'], IN_FORCE, ADJUST, { relation: 'DETERMINING_BODY', requiresDelegation: true }),
    row('2025-declassify-head', ANY_HEAD, 'TUYET_MAT', ['DECLASSIFY'], IN_FORCE, DECLASSIFY, { relation: 'DETERMINING_BODY' }),
  ],
};
