import { formatDate, formatDateTime } from '@bmnn/contracts';
import { Alert, Card, Descriptions, Empty, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ruleSetsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { RuleSetEditor } from './rule-sets.edit.component.tsx';
import { BasisTag, RuleSetView } from './rule-sets.view.component.tsx';

/** One rule set: its summary, the readable tables, the editor (administrator) and the history. */
function RuleSetPanel({ id }: { id: string }) {
  const loaded = useLoad(() => ruleSetsApi.get(id), `rule-set|${id}`);
  const data = loaded.data;
  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />;
  if (!data) return <Spin />;
  const { summary, ruleSet, history } = data;
  return (
    <>
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }} data-testid={`rule-set-summary-${id}`}>
        <Descriptions.Item label="Tên" span={2}>
          {ruleSet.name}
        </Descriptions.Item>
        <Descriptions.Item label="Hiệu lực">
          Từ {formatDate(ruleSet.validFrom)}
          {ruleSet.validTo ? ` đến hết ${formatDate(ruleSet.validTo)}` : ' (chưa có ngày hết hiệu lực)'}
        </Descriptions.Item>
        <Descriptions.Item label="Phiên bản">
          <span data-testid="rule-set-version">{summary.version === 0 ? 'Bản phát hành (chưa sửa)' : `Phiên bản ${summary.version}`}</span>
          {summary.updatedAt && ` — sửa lúc ${formatDateTime(summary.updatedAt)}${summary.updatedByName ? ` bởi ${summary.updatedByName}` : ''}`}
        </Descriptions.Item>
        <Descriptions.Item label="Căn cứ" span={2}>
          <BasisTag basis={ruleSet.basis} />
        </Descriptions.Item>
        <Descriptions.Item label="Quy định chưa xác nhận" span={2}>
          <Tag color={summary.unconfirmedCount > 0 ? 'orange' : 'green'}>{summary.unconfirmedCount}</Tag>
          <Typography.Text type="secondary">phải đối chiếu văn bản chính thức trước khi sử dụng (LEGAL.md §17)</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'view', label: <span data-testid="rule-set-tab-view">Xem</span>, children: <RuleSetView ruleSet={ruleSet} /> },
          ...(data.canEdit
            ? [{ key: 'edit', label: <span data-testid="rule-set-tab-edit">Sửa</span>, children: <RuleSetEditor key={summary.version} ruleSet={ruleSet} version={summary.version} onSaved={loaded.reload} /> }]
            : []),
          {
            key: 'history',
            label: <span data-testid="rule-set-tab-history">Lịch sử thay đổi ({history.length})</span>,
            children:
              history.length === 0 ? (
                <Empty description="Chưa có thay đổi nào: đang dùng bộ quy tắc phát hành kèm phần mềm" />
              ) : (
                <Table
                  size="small"
                  bordered
                  rowKey="version"
                  pagination={false}
                  dataSource={history}
                  data-testid="rule-set-history"
                  columns={[
                    { key: 'version', title: 'Phiên bản', dataIndex: 'version', width: 90, align: 'center' },
                    { key: 'at', title: 'Thời điểm', width: 150, render: (_, h) => formatDateTime(h.at) },
                    { key: 'actor', title: 'Người sửa', width: 180, render: (_, h) => h.actorName ?? '—' },
                    {
                      key: 'changes',
                      title: 'Thay đổi',
                      render: (_, h) => (
                        <ul style={{ margin: 0, paddingLeft: 18 }}>
                          {h.changes.map((c, i) => (
                            <li key={i}>{c.text}</li>
                          ))}
                        </ul>
                      ),
                    },
                  ]}
                />
              ),
          },
        ]}
      />
    </>
  );
}

/**
 * "Bộ quy tắc pháp lý": the rule sets the software applies, by date of the action (LEGAL.md A4).
 * The rules marked "Chưa xác nhận" are data the administrator corrects here; every edit is audited.
 */
export function RuleSetsPage() {
  const list = useLoad(() => ruleSetsApi.list(), 'rule-sets');
  const [tab, setTab] = useState<string>();
  const sets = list.data?.ruleSets ?? [];
  const active = tab ?? sets.at(-1)?.id;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Bộ quy tắc pháp lý
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Phần mềm áp dụng bộ quy tắc có hiệu lực vào ngày thực hiện việc (Luật 2018 đến 28/02/2026, Luật 2025 từ 01/3/2026)."
        description="Các quy định “Chưa xác nhận” được tổng hợp từ nguồn chưa phải văn bản chính thức: quản trị hệ thống đối chiếu và sửa lại tại đây. Mọi thay đổi được ghi vào nhật ký hệ thống."
      />
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Card loading={list.loading && sets.length === 0}>
        {active && (
          <Tabs
            activeKey={active}
            onChange={setTab}
            destroyOnHidden
            items={sets.map((s) => ({
              key: s.id,
              label: (
                <span data-testid={`rule-set-tab-${s.id}`}>
                  {s.regime === 'LAW_2018' ? 'Luật 2018' : s.regime === 'LAW_2025' ? 'Luật 2025' : s.name} ({formatDate(s.validFrom)}
                  {s.validTo ? ` – ${formatDate(s.validTo)}` : ''})
                </span>
              ),
              children: <RuleSetPanel id={s.id} />,
            }))}
          />
        )}
      </Card>
    </>
  );
}
