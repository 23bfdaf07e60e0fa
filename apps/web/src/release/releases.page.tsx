import { RELEASE_KIND_LABELS, RELEASE_STATUS_LABELS, RETURN_STATUS_LABELS, releaseDecisionRequest, formatDate, type ReleaseRequestSummary } from '@bmnn/contracts';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { LevelTag, canKeepBooks } from '../register/register.labels.tsx';
import { releaseApi } from './release.api.ts';

const isTakeOut = (r: ReleaseRequestSummary) => r.kind === 'TAKE_OUT_DOMESTIC' || r.kind === 'TAKE_OUT_ABROAD';

function What({ r }: { r: ReleaseRequestSummary }) {
  const d = r.details;
  return (
    <Space orientation="vertical" size={0}>
      <span>{d.purpose}</span>
      {isTakeOut(r) ? (
        <Typography.Text type="secondary">
          Nơi đến: {d.destination}
          {d.country ? `, ${d.country} — trưởng đoàn: ${d.delegationHead ?? '—'}` : ''}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          {d.requesterBody} — đại diện: {d.representative}
          {d.nationality ? ` (${d.nationality})` : ''}
        </Typography.Text>
      )}
    </Space>
  );
}

/** A refusal is written, with its reasons (R8.4). */
function RefuseModal({ request, onClose, onDone }: { request: ReleaseRequestSummary; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    const outcome = await submitForm({ form, schema: releaseDecisionRequest, values: { approve: false, reason: values.reason }, send: (body) => releaseApi.decide(request.id, body) });
    setSaving(false);
    if (outcome.ok) onDone();
    else setError(outcome.message);
  };
  return (
    <Modal open title="Từ chối đề nghị" okText="Từ chối" okButtonProps={{ danger: true, 'data-testid': 'refuse-submit' }} cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label="Lý do từ chối" name="reason" required rules={[zodRule(releaseDecisionRequest.options[1].shape.reason)]}>
          <Input.TextArea rows={3} data-testid="refuse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * "Mang ra, cung cấp" (LEGAL.md R8.1–R8.6): the requests of the person's units. A competent head
 * who did not ask decides; the clerk records that the items left and came back; a take-out not
 * back by its return date is highlighted (R8.2).
 */
export function ReleasesPage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const requests = useLoad(() => releaseApi.list(), 'releases');
  const [refusing, setRefusing] = useState<ReleaseRequestSummary>();
  const [busy, setBusy] = useState<string>();
  const isHead = account.roles.includes('LANH_DAO');

  const act = async (id: string, run: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await run();
      void message.success(done);
      requests.reload();
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Mang tài liệu ra ngoài, cung cấp bí mật nhà nước
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          Đề nghị được lập từ trang của từng tài liệu (nút “Đề nghị mang ra ngoài”, “Đề nghị cung cấp”).
        </Typography.Paragraph>
        {requests.error && <Alert type="error" showIcon title={requests.error} style={{ marginBottom: 16 }} />}
        <Table<ReleaseRequestSummary>
          data-testid="releases-table"
          rowKey="id"
          size="middle"
          loading={requests.loading}
          dataSource={requests.data?.requests ?? []}
          locale={{ emptyText: 'Chưa có đề nghị nào bạn được xem' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} đề nghị` }}
          onRow={(r) => ({ style: r.returnStatus === 'OVERDUE' ? { background: '#fff1f0' } : {}, 'data-testid': `release-row-${r.items[0]?.soKyHieu ?? r.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'createdAt', title: 'Ngày đề nghị', width: 110, render: (_, r) => formatDate(r.createdAt) },
            { key: 'kind', title: 'Loại', width: 180, render: (_, r) => RELEASE_KIND_LABELS[r.kind] },
            {
              key: 'items',
              title: 'Tài liệu',
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  {r.items.map((i) => (
                    <Space key={i.id} size={4}>
                      <Typography.Link onClick={() => navigate(`/items/${i.id}`)}>{i.soKyHieu}</Typography.Link>
                      <LevelTag level={i.level} />
                    </Space>
                  ))}
                </Space>
              ),
            },
            { key: 'what', title: 'Mục đích, nơi nhận', render: (_, r) => <What r={r} /> },
            { key: 'dates', title: 'Thời gian', width: 130, render: (_, r) => (r.fromDate ? `${formatDate(r.fromDate)} – ${formatDate(r.toDate)}` : '—') },
            { key: 'by', title: 'Người đề nghị', render: (_, r) => r.requestedByName ?? '—' },
            {
              key: 'status',
              title: 'Tình trạng',
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  <span data-testid="release-status">{RELEASE_STATUS_LABELS[r.status] ?? r.status}</span>
                  {r.returnStatus && <Tag color={r.returnStatus === 'OVERDUE' ? 'red' : r.returnStatus === 'DUE_SOON' ? 'orange' : r.returnStatus === 'DONE' ? 'green' : 'default'} data-testid="release-return-status">{RETURN_STATUS_LABELS[r.returnStatus] ?? r.returnStatus}</Tag>}
                  {r.refusalReason && <Typography.Text type="danger">Lý do từ chối: {r.refusalReason}</Typography.Text>}
                  {r.decidedByName && <Typography.Text type="secondary">{`${r.status === 'REFUSED' ? 'Từ chối' : 'Đồng ý'}: ${r.decidedByName}, ${formatDate(r.decidedOn)}`}</Typography.Text>}
                </Space>
              ),
            },
            {
              key: 'actions',
              title: '',
              width: 170,
              render: (_, r) => (
                <Space orientation="vertical" size={4}>
                  {r.status === 'REQUESTED' && isHead && r.requestedBy !== account.id && (
                    <>
                      <Button size="small" type="primary" loading={busy === r.id} onClick={() => void act(r.id, () => releaseApi.decide(r.id, { approve: true }), 'Đã đồng ý đề nghị')} data-testid="release-approve">
                        Đồng ý
                      </Button>
                      <Button size="small" danger onClick={() => setRefusing(r)} data-testid="release-refuse">
                        Từ chối
                      </Button>
                    </>
                  )}
                  {r.status === 'APPROVED' && isTakeOut(r) && canKeepBooks(account.roles) && (
                    <Button size="small" loading={busy === r.id} onClick={() => void act(r.id, () => releaseApi.out(r.id), 'Đã ghi nhận tài liệu mang ra khỏi nơi lưu giữ')} data-testid="release-out">
                      Ghi nhận đã mang ra
                    </Button>
                  )}
                  {r.status === 'OUT' && canKeepBooks(account.roles) && (
                    <Button size="small" type="primary" loading={busy === r.id} onClick={() => void act(r.id, () => releaseApi.returned(r.id), 'Đã ghi nhận tài liệu trả về nơi lưu giữ')} data-testid="release-returned">
                      Ghi nhận đã trả về
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {refusing && (
        <RefuseModal
          request={refusing}
          onClose={() => setRefusing(undefined)}
          onDone={() => {
            setRefusing(undefined);
            void message.success('Đã từ chối đề nghị, có ghi lý do');
            requests.reload();
          }}
        />
      )}
    </>
  );
}
