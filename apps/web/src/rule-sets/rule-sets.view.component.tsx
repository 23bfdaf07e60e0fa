import { LEVELS, LEVEL_LABELS } from '@bmnn/contracts';
import { AUTHORITY_ACTION_LABELS, AUTHORITY_ACTIONS, POSITIONS, formatRuleSetValue, type Basis, type RuleSet } from '@bmnn/rules';
import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd';

/** Whether the rule was checked against the official text (LEGAL.md marks the others UNCONFIRMED). */
export function BasisTag({ basis }: { basis: Basis }) {
  const tag = basis.confirmed ? <Tag color="green">Đã xác nhận</Tag> : <Tag color="orange">Chưa xác nhận</Tag>;
  return (
    <Space size={4} wrap>
      {basis.note ? <Tooltip title={basis.note}>{tag}</Tooltip> : tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {basis.rule} — {basis.legalBasis}
      </Typography.Text>
    </Space>
  );
}

type Row = { key: string; label: string; value: string; basis: Basis };

const days = (n: number) => `${n} ngày`;
const anchor = (a: { day: number; month: number; yearOffset: number }) => `${String(a.day).padStart(2, '0')}/${String(a.month).padStart(2, '0')} năm ${a.yearOffset === 0 ? 'báo cáo' : a.yearOffset < 0 ? 'trước' : 'sau'}`;

/** A rule set as readable Vietnamese tables: levels and periods, deadlines, options, authorities. */
export function RuleSetView({ ruleSet }: { ruleSet: RuleSet }) {
  const r = ruleSet;
  const deadlines: Row[] = [
    { key: 'ext-lead', label: 'Quyết định gia hạn chậm nhất trước khi hết thời hạn', value: days(r.extension.decisionLeadDays), basis: r.extension.basis },
    { key: 'ext-notify', label: 'Thông báo gia hạn bằng văn bản trong', value: days(r.extension.notifyWithinDays), basis: r.extension.basis },
    { key: 'ext-warn', label: 'Cảnh báo "sắp hết thời hạn bảo vệ" trước', value: days(r.extension.warningLeadDays), basis: r.extension.basis },
    { key: 'ext-count', label: 'Số lần gia hạn tối đa', value: r.extension.maxCount === null ? 'Không giới hạn' : String(r.extension.maxCount), basis: r.extension.basis },
    { key: 'adj-notify', label: 'Thông báo điều chỉnh độ mật trong', value: days(r.adjustment.notifyWithinDays), basis: r.adjustment.basis },
    { key: 'adj-restart', label: 'Thời hạn bảo vệ sau khi điều chỉnh độ mật', value: formatRuleSetValue(r.adjustment.periodRestart), basis: r.adjustment.periodRestartBasis },
    { key: 'dst-hours', label: 'Báo cáo tiêu hủy khẩn cấp trong', value: `${r.destruction.emergencyReportWithinHours} giờ`, basis: r.destruction.basis },
    { key: 'dst-ceiling', label: 'Thẩm quyền tối thiểu để quyết định tiêu hủy', value: LEVEL_LABELS[r.destruction.minimumAuthorityCeiling], basis: r.destruction.basis },
    { key: 'recall', label: 'Cảnh báo hạn trả tài liệu thu hồi trước', value: days(r.recall.warningLeadDays), basis: r.recall.basis },
    { key: 'takeout', label: 'Cảnh báo hạn trả tài liệu mang ra trước', value: days(r.takeOut.warningLeadDays), basis: r.takeOut.basis },
    { key: 'report', label: 'Kỳ báo cáo năm', value: `Từ ${anchor(r.annualReport.periodStart)} đến ${anchor(r.annualReport.periodEnd)}; hạn ${anchor(r.annualReport.due)}`, basis: r.annualReport.basis },
    { key: 'daycount', label: 'Cách tính ngày cuối của thời hạn bảo vệ', value: formatRuleSetValue(r.periods.dayCount), basis: r.periods.dayCountBasis },
  ];
  const options: Row[] = [
    { key: 'trich-yeu', label: 'Trích yếu tài liệu Tuyệt mật', value: r.trichYeu.tuyetMat === 'NEVER' ? 'Không ghi' : 'Chỉ ghi khi người có thẩm quyền đồng ý', basis: r.trichYeu.basis },
    { key: 'activity', label: 'Hoạt động được đặt thời hạn ngắn hơn', value: formatRuleSetValue(r.periods.activityMayBeShorter), basis: r.periods.basis },
    { key: 'place', label: 'Địa điểm hết thời hạn khi thôi sử dụng', value: formatRuleSetValue(r.periods.placeEndsOnRelease), basis: r.periods.basis },
    { key: 'spoiled', label: 'Bản sao hỏng, thừa phải hủy ngay', value: formatRuleSetValue(r.copying.spoiledMustBeDestroyed), basis: r.copying.basis },
    { key: 'later', label: 'Được cho phép sao sau khi đã ghi "không được phép sao"', value: formatRuleSetValue(r.copying.laterPermissionAllowed), basis: r.copying.laterPermissionBasis },
    { key: 'devices', label: 'Thiết bị được dùng cho bí mật nhà nước', value: formatRuleSetValue(r.devices.allowedNetworkStatuses), basis: r.devices.basis },
    { key: 'council', label: 'Số thành viên Hội đồng giải mật tối thiểu', value: String(r.declassification.councilMinMembers), basis: r.declassification.basis },
  ];
  const rowColumns = [
    { key: 'label', title: 'Quy định', dataIndex: 'label', width: '40%' },
    { key: 'value', title: 'Giá trị', dataIndex: 'value', width: '25%', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { key: 'basis', title: 'Căn cứ', render: (_: unknown, row: Row) => <BasisTag basis={row.basis} /> },
  ];
  const byAction = AUTHORITY_ACTIONS.map((action) => ({ action, rows: r.authorities.filter((a) => a.actions.includes(action)) })).filter((g) => g.rows.length > 0);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid={`rule-set-view-${r.id}`}>
      <Card size="small" title="Độ mật, thời hạn bảo vệ và bì (R9.1, R9.2, R7.3)">
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="level"
          data-testid="rule-set-levels"
          dataSource={[...LEVELS].reverse().map((level) => ({ level }))}
          columns={[
            { key: 'level', title: 'Độ mật', render: (_, { level }) => LEVEL_LABELS[level] },
            { key: 'years', title: 'Thời hạn bảo vệ', render: (_, { level }) => `${r.periods.baseYears[level]} năm` },
            { key: 'ext', title: 'Gia hạn tối đa mỗi lần', render: (_, { level }) => `${r.extension.maxYearsEach[level]} năm` },
            { key: 'mark', title: 'Dấu ký hiệu trên bì', render: (_, { level }) => r.envelopes.marks[level].mark },
            { key: 'double', title: 'Hai lớp bì', render: (_, { level }) => (r.envelopes.marks[level].doubleEnvelope ? 'Có' : 'Không') },
          ]}
        />
        <div style={{ marginTop: 8 }}>
          <BasisTag basis={r.periods.basis} /> <BasisTag basis={r.envelopes.basis} />
        </div>
      </Card>
      <Card size="small" title="Thời hạn, mốc ngày">
        <Table<Row> size="small" bordered pagination={false} rowKey="key" dataSource={deadlines} columns={rowColumns} data-testid="rule-set-deadlines" />
      </Card>
      <Card size="small" title="Giải mật (R9.4, R9.5)">
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="key"
          dataSource={r.declassification.cases}
          columns={[
            { key: 'label', title: 'Trường hợp', dataIndex: 'label' },
            { key: 'auto', title: 'Đương nhiên giải mật', render: (_, c) => (c.automatic ? 'Có' : 'Không') },
            { key: 'council', title: 'Cần Hội đồng', render: (_, c) => (c.councilRequired ? 'Có' : 'Không') },
            { key: 'notify', title: 'Thông báo trong', render: (_, c) => days(c.notifyWithinDays) },
            { key: 'stamp', title: 'Đóng dấu "Giải mật"', render: (_, c) => (c.stampRequired ? 'Có' : 'Không') },
            { key: 'basis', title: 'Căn cứ', render: (_, c) => <BasisTag basis={c.basis} /> },
          ]}
        />
      </Card>
      <Card size="small" title="Các lựa chọn khác">
        <Table<Row> size="small" bordered pagination={false} rowKey="key" dataSource={options} columns={rowColumns} />
      </Card>
      <Card size="small" title="Thẩm quyền (R4.1, R5.2, R5.3, R8.x, R9.x, R10.3)">
        {byAction.map(({ action, rows }) => (
          <div key={action} style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              Thẩm quyền {AUTHORITY_ACTION_LABELS[action]}
            </Typography.Title>
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="id"
              dataSource={rows}
              data-testid={`rule-set-authority-${action}`}
              columns={[
                { key: 'who', title: 'Chức vụ', render: (_, a) => (a.roleKeys ?? []).map((k) => POSITIONS[k]).join('; ') || a.titlePattern },
                { key: 'agency', title: 'Loại cơ quan', render: (_, a) => formatRuleSetValue(a.agencyTypes) },
                { key: 'ceiling', title: 'Đến độ mật', render: (_, a) => LEVEL_LABELS[a.levelCeiling] },
                { key: 'relation', title: 'Quan hệ với tài liệu', render: (_, a) => formatRuleSetValue(a.relation) },
                { key: 'delegation', title: 'Cần ủy quyền', render: (_, a) => (a.requiresDelegation ? 'Có' : 'Không') },
                { key: 'valid', title: 'Hiệu lực', render: (_, a) => `${formatRuleSetValue(a.validFrom)}${a.validTo ? ` – ${formatRuleSetValue(a.validTo)}` : ''}` },
                { key: 'basis', title: 'Căn cứ', render: (_, a) => <BasisTag basis={a.basis} /> },
              ]}
            />
          </div>
        ))}
      </Card>
    </Space>
  );
}
