import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, InboxOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { CLEARANCE_LABELS, CLEARANCE_RANK, LEVEL_RANK, RECORD_FILE_STATUS_LABELS, archiveTransferRequest, formatDate, retentionLabel, type Item, type RecordFile, type RecordFileItem } from '@bmnn/contracts';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Popconfirm, Result, Select, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../api/api.client.ts';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { registerApi } from '../register/register.api.ts';
import { LevelTag, canKeepBooks } from '../register/register.labels.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { fileExportUrl, filesApi, transferExportUrl } from './files.api.ts';

/** One file (hồ sơ) with the items the person may see; not visible answers "not found". */
export function FileDetailPage() {
  const { id = '' } = useParams();
  const { account } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { byId } = useUnits();
  const loaded = useLoad(() => filesApi.get(id), `file|${id}`);
  const [adding, setAdding] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [removeReason, setRemoveReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const file = loaded.data?.file;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/files')}>
      Danh sách hồ sơ
    </Button>
  );
  if (loaded.loading && !file) return <Spin />;
  if (!file) return <Result status="404" title="Không tìm thấy hồ sơ" subTitle={loaded.error ?? 'Hồ sơ không tồn tại hoặc bạn không được xem.'} extra={back} />;

  const keeps = canKeepBooks(account.roles);
  const open = file.status === 'OPEN';
  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await run();
      void message.success(done);
      setSelected([]);
      loaded.reload();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }}>{back}</Space>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="file-heading">
        Hồ sơ {file.code} {file.highestLevel && <LevelTag level={file.highestLevel} />}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="file-error" />}
      <Card
        title={file.title}
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined />} href={fileExportUrl(file.id, 'xlsx')} download data-testid="file-export-xlsx">
              Mục lục (XLSX)
            </Button>
            <Button icon={<FilePdfOutlined />} href={fileExportUrl(file.id, 'pdf')} download data-testid="file-export-pdf">
              In mục lục (PDF)
            </Button>
            {keeps && open && (
              <Popconfirm title="Kết thúc hồ sơ?" description="Sau khi kết thúc không thêm, rút tài liệu được nữa." okText="Kết thúc" cancelText="Hủy" onConfirm={() => act(() => filesApi.close(file.id), 'Đã kết thúc hồ sơ')}>
                <Button icon={<LockOutlined />} loading={busy} disabled={file.itemCount === 0} data-testid="file-close">
                  Kết thúc hồ sơ
                </Button>
              </Popconfirm>
            )}
            {keeps && file.status === 'CLOSED' && (
              <Button type="primary" icon={<InboxOutlined />} onClick={() => setTransferring(true)} data-testid="file-transfer">
                Nộp lưu
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={2} bordered size="small" data-testid="file-detail">
          <Descriptions.Item label="Đơn vị">{byId.get(file.unitId)?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Năm">{file.year}</Descriptions.Item>
          <Descriptions.Item label="Người lập hồ sơ">{file.keeperName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Thời hạn bảo quản">{retentionLabel(file.retentionYears)}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <span data-testid="file-status">{RECORD_FILE_STATUS_LABELS[file.status]}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Ngày mở, kết thúc">
            {formatDate(file.openedOn)}
            {file.closedOn ? ` — ${formatDate(file.closedOn)}` : ''}
          </Descriptions.Item>
          {file.archiveTransferId && (
            <Descriptions.Item label="Nộp lưu" span={2}>
              <Space wrap>
                <span data-testid="file-archive">
                  Ngày {formatDate(file.archivedOn)}, vị trí {file.archiveLocation}
                </span>
                <Button size="small" icon={<FileExcelOutlined />} href={transferExportUrl(file.archiveTransferId, 'xlsx')} download data-testid="transfer-export-xlsx">
                  Biên bản (XLSX)
                </Button>
                <Button size="small" icon={<FilePdfOutlined />} href={transferExportUrl(file.archiveTransferId, 'pdf')} download data-testid="transfer-export-pdf">
                  In biên bản (PDF)
                </Button>
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={`Văn bản, tài liệu trong hồ sơ (${file.itemCount})`}
        style={{ marginTop: 16 }}
        extra={
          keeps &&
          open && (
            <Space wrap>
              {selected.length > 0 && (
                <>
                  <Input placeholder="Lý do rút khỏi hồ sơ" value={removeReason} onChange={(e) => setRemoveReason(e.target.value)} style={{ width: 240 }} data-testid="file-remove-reason" />
                  <Button danger disabled={!removeReason.trim()} loading={busy} onClick={() => act(() => filesApi.removeItems(file.id, selected, removeReason.trim()), 'Đã rút tài liệu khỏi hồ sơ')} data-testid="file-remove">
                    Rút {selected.length} tài liệu
                  </Button>
                </>
              )}
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="file-add-items">
                Thêm tài liệu
              </Button>
            </Space>
          )
        }
      >
        <Table<RecordFileItem>
          data-testid="file-items"
          rowKey="itemId"
          size="small"
          dataSource={loaded.data?.items ?? []}
          pagination={false}
          rowSelection={keeps && open ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
          locale={{ emptyText: 'Hồ sơ chưa có tài liệu nào' }}
          columns={[
            { key: 'n', title: 'STT', width: 60, render: (_, __, i) => i + 1 },
            { key: 'soKyHieu', title: 'Số, ký hiệu', width: 160, render: (_, i) => <Typography.Link onClick={() => navigate(`/items/${i.itemId}`)}>{i.soKyHieu}</Typography.Link> },
            { key: 'date', title: 'Ngày văn bản', width: 120, render: (_, i) => formatDate(i.documentDate) || '—' },
            { key: 'sender', title: 'Cơ quan ban hành', render: (_, i) => i.sender ?? '—' },
            { key: 'trichYeu', title: 'Trích yếu', render: (_, i) => i.trichYeu ?? <Typography.Text type="secondary">{i.level === 'TUYET_MAT' ? 'Không ghi trích yếu (Tuyệt mật)' : 'Không ghi trích yếu'}</Typography.Text> },
            { key: 'level', title: 'Độ mật', width: 110, render: (_, i) => <LevelTag level={i.level} /> },
            { key: 'location', title: 'Nơi lưu giữ', render: (_, i) => i.storageLocation ?? '—' },
          ]}
        />
      </Card>
      {adding && (
        <AddItemsModal
          file={file}
          already={new Set((loaded.data?.items ?? []).map((i) => i.itemId))}
          onClose={() => setAdding(false)}
          onDone={(n) => {
            setAdding(false);
            void message.success(`Đã đưa ${n} tài liệu vào hồ sơ`);
            loaded.reload();
          }}
        />
      )}
      {transferring && (
        <TransferModal
          file={file}
          onClose={() => setTransferring(false)}
          onDone={() => {
            setTransferring(false);
            void message.success('Đã nộp lưu hồ sơ');
            loaded.reload();
          }}
        />
      )}
    </>
  );
}

/** Picks items of the file's unit from the item list (accent-insensitive search). */
function AddItemsModal({ file, already, onClose, onDone }: { file: RecordFile; already: ReadonlySet<string>; onClose: () => void; onDone: (count: number) => void }) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const items = useLoad(() => registerApi.listItems(q || undefined), `items|${q}`);
  const rows = (items.data?.items ?? []).filter((i) => i.unitId === file.unitId && !already.has(i.id));

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await filesApi.addItems(file.id, picked);
      onDone(picked.length);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`Thêm tài liệu vào hồ sơ ${file.code}`} okText={`Đưa ${picked.length} tài liệu vào hồ sơ`} cancelText="Hủy" onOk={() => void save()} okButtonProps={{ disabled: picked.length === 0, loading: saving, 'data-testid': 'file-add-submit' }} onCancel={onClose} width={860}>
      <Typography.Paragraph type="secondary">Chỉ thêm được tài liệu của đơn vị lập hồ sơ, chưa nằm trong hồ sơ nào. Mỗi lần thêm được ghi vào quá trình của tài liệu.</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="file-add-error" />}
      <Input.Search placeholder="Tìm theo số, ký hiệu hoặc trích yếu" allowClear onSearch={(v) => setQ(v.trim())} style={{ marginBottom: 12 }} data-testid="file-add-search" />
      <Table<Item>
        data-testid="file-add-table"
        rowKey="id"
        size="small"
        loading={items.loading}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]), getCheckboxProps: (i) => ({ 'data-testid': `file-add-pick-${i.soKyHieu}` }) as object }}
        columns={[
          { key: 'soKyHieu', title: 'Số, ký hiệu', width: 170, dataIndex: 'soKyHieu' },
          { key: 'trichYeu', title: 'Trích yếu', render: (_, i) => i.trichYeu ?? '—' },
          { key: 'level', title: 'Độ mật', width: 110, render: (_, i) => <LevelTag level={i.level} /> },
          { key: 'date', title: 'Ngày văn bản', width: 120, render: (_, i) => formatDate(i.documentDate) || '—' },
        ]}
      />
    </Modal>
  );
}

const transferFields = archiveTransferRequest.shape;

/** Nộp lưu: the receiving archive, the handover record, the person who receives; level and period stay. */
function TransferModal({ file, onClose, onDone }: { file: RecordFile; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const people = useLoad(() => peopleApi.list({}), 'people|all');

  const onFinish = async (values: { transferredOn?: Dayjs | null } & Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const body = { ...values, fileIds: [file.id], transferredOn: toIsoDate(values.transferredOn) };
    const outcome = await submitForm({ form, schema: archiveTransferRequest, values: body, send: (b) => filesApi.transfer(b) });
    setSaving(false);
    if (outcome.ok) onDone();
    else setFormError(outcome.message);
  };

  return (
    <Modal open title={`Nộp lưu hồ sơ ${file.code}`} okText="Nộp lưu và ghi biên bản" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'transfer-submit' }} width={640}>
      <Typography.Paragraph type="secondary">
        Mỗi tài liệu trong hồ sơ được chuyển giao cho người nhận của lưu trữ cơ quan (ghi Sổ chuyển giao) và ghi vị trí lưu trữ. Độ mật và thời hạn bảo vệ không thay đổi.
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="transfer-error" />}
      <Form form={form} name="archive-transfer" layout="vertical" onFinish={onFinish} initialValues={{ transferredOn: today() }}>
        <Form.Item label="Ngày nộp lưu" name="transferredOn" rules={[{ required: true, message: 'Nhập ngày nộp lưu' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} data-testid="transfer-date" />
        </Form.Item>
        <Form.Item label="Lưu trữ cơ quan nhận" name="archiveName" rules={[zodRule(transferFields.archiveName)]}>
          <Input placeholder="Ví dụ: Lưu trữ cơ quan Sở Nội vụ" data-testid="transfer-archive" />
        </Form.Item>
        <Form.Item label="Số biên bản giao nhận" name="recordNo" rules={[zodRule(transferFields.recordNo)]}>
          <Input data-testid="transfer-record-no" />
        </Form.Item>
        <Form.Item label="Người nhận (lưu trữ)" name="receivedByPersonId" rules={[{ required: true, message: 'Chọn người nhận' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.loading}
            options={(people.data?.people ?? []).map((p) => {
              const cleared = !file.highestLevel || CLEARANCE_RANK[p.clearance] >= LEVEL_RANK[file.highestLevel];
              return { value: p.id, label: cleared ? p.fullName : `${p.fullName} (mức tiếp cận: ${CLEARANCE_LABELS[p.clearance]} — chưa đủ)`, disabled: !cleared };
            })}
            data-testid="transfer-person"
          />
        </Form.Item>
        <Form.Item label="Vị trí trong kho lưu trữ (kho, giá, hộp)" name="location" rules={[zodRule(transferFields.location)]}>
          <Input data-testid="transfer-location" />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
