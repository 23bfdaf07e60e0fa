import { CheckOutlined, CloseOutlined, EnvironmentOutlined, FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDateTime, STOCK_TAKE_RESULT_LABELS, type StockTake, type StockTakeLine, type StockTakeResult, type StockTakeSummary } from '@bmnn/contracts';
import { Alert, App, Button, Card, Drawer, Form, Input, Modal, Popconfirm, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { LevelTag } from './register.labels.tsx';
import { stockTakeApi } from './stock-take.api.ts';

const RESULT_COLORS: Record<StockTakeResult, string> = { PRESENT: 'green', MISPLACED: 'orange', MISSING: 'red' };

/** How far a round has got, as one bar: found in place (green), misplaced (orange), missing (red). */
function RoundProgress({ counts }: { counts: StockTakeSummary['counts'] }) {
  const checked = counts.total - counts.unchecked;
  const pct = (n: number) => (counts.total === 0 ? 0 : (n * 100) / counts.total);
  return (
    <Tooltip title={`Đúng nơi: ${counts.present} · Không đúng nơi: ${counts.misplaced} · Không tìm thấy: ${counts.missing} · Chưa kiểm: ${counts.unchecked}`}>
      <Progress
        percent={pct(checked)}
        success={{ percent: pct(counts.present), strokeColor: '#52c41a' }}
        strokeColor={counts.missing > 0 ? '#ff4d4f' : '#fa8c16'}
        format={() => `${checked}/${counts.total}`}
        style={{ minWidth: 180 }}
      />
    </Tooltip>
  );
}

/**
 * Kiểm kê (LEGAL.md R6.1): rounds that reconcile the register with what is physically held. The clerk
 * starts a round (one room or cabinet, or everything), ticks lines in batches, and closes it; items
 * not found open an incident of loss.
 */
export function StockTakePage() {
  const { account } = useSession();
  const { units } = useUnits();
  const [unitId, setUnitId] = useState<string>(account.unitId);
  const rounds = useLoad(() => stockTakeApi.list(unitId), `stk|${unitId}`);
  const [starting, setStarting] = useState(false);
  const [openId, setOpenId] = useState<string>();

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Kiểm kê tài liệu, vật chứa BMNN
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 360 }}>
            <UnitSelect units={units} value={unitId} onChange={(v) => v && setUnitId(v)} testId="stock-take-unit" />
          </div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="stock-take-start">
            Bắt đầu đợt kiểm kê
          </Button>
          <Link to="/books">Về sổ sách</Link>
        </Space>
        {rounds.error && <Alert type="error" showIcon title={rounds.error} style={{ marginBottom: 16 }} />}
        <Table<StockTakeSummary>
          data-testid="stock-takes-table"
          rowKey="id"
          size="middle"
          loading={rounds.loading}
          dataSource={rounds.data?.stockTakes ?? []}
          pagination={false}
          locale={{ emptyText: 'Chưa có đợt kiểm kê nào' }}
          columns={[
            { key: 'title', title: 'Đợt kiểm kê', render: (_, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(r.id)}>{r.title}</Button> },
            { key: 'place', title: 'Phạm vi', render: (_, r) => r.locationPrefix ?? 'Toàn bộ tài liệu đang lưu giữ' },
            { key: 'started', title: 'Bắt đầu', render: (_, r) => formatDateTime(r.startedAt) },
            { key: 'progress', title: 'Tiến độ', render: (_, r) => <RoundProgress counts={r.counts} /> },
            { key: 'status', title: 'Tình trạng', render: (_, r) => (r.status === 'OPEN' ? <Tag color="blue">Đang kiểm kê</Tag> : <Tag>Đã kết thúc {formatDateTime(r.closedAt)}</Tag>) },
          ]}
        />
      </Card>
      {starting && (
        <StartModal
          unitId={unitId}
          onClose={() => setStarting(false)}
          onStarted={(id) => {
            setStarting(false);
            rounds.reload();
            setOpenId(id);
          }}
        />
      )}
      {openId && <StockTakeDrawer id={openId} onClose={() => setOpenId(undefined)} onChanged={rounds.reload} />}
    </>
  );
}

function StartModal({ unitId, onClose, onStarted }: { unitId: string; onClose: () => void; onStarted: (id: string) => void }) {
  const [form] = Form.useForm<{ title: string; locationPrefix?: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { title: string; locationPrefix?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const { stockTake } = await stockTakeApi.start({ unitId, title: v.title, locationPrefix: v.locationPrefix?.trim() || null });
      onStarted(stockTake.id);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="Bắt đầu đợt kiểm kê" okText="Bắt đầu" cancelText="Hủy" onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'stock-take-start-ok' }}>
      <Typography.Paragraph type="secondary">
        Hệ thống lập danh sách các tài liệu, vật chứa BMNN đơn vị đang lưu giữ theo sổ (trong phạm vi bạn được tiếp cận). Để trống nơi lưu giữ để kiểm kê toàn bộ.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ title: `Kiểm kê năm ${new Date().getFullYear()}` }}>
        <Form.Item label="Tên đợt kiểm kê" name="title" rules={[{ required: true, whitespace: true, message: 'Ghi tên đợt kiểm kê' }]}>
          <Input data-testid="stock-take-title" maxLength={300} />
        </Form.Item>
        <Form.Item label="Nơi lưu giữ (phòng, tủ — phần đầu)" name="locationPrefix">
          <Input data-testid="stock-take-location" placeholder="Ví dụ: Phòng 201" maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StockTakeDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const loaded = useLoad(() => stockTakeApi.get(id), id);
  const [override, setOverride] = useState<StockTake>();
  const take = override ?? loaded.data?.stockTake;
  const [selected, setSelected] = useState<string[]>([]);
  const [misplacing, setMisplacing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (work: () => Promise<{ stockTake: StockTake }>, done?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const { stockTake } = await work();
      setOverride(stockTake);
      setSelected([]);
      onChanged();
      if (done) void message.success(done);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const mark = (result: StockTakeResult, foundLocation: string | null = null) => run(() => stockTakeApi.mark(id, { lineIds: selected, result, foundLocation }), `Đã ghi kết quả cho ${selected.length} tài liệu`);
  const open = take?.status === 'OPEN';

  return (
    <Drawer open width={1040} onClose={onClose} title={take?.title ?? 'Đợt kiểm kê'} destroyOnHidden>
      {loaded.error && <Alert type="error" showIcon title={loaded.error} />}
      {take && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <RoundProgress counts={take.counts} />
            <Button icon={<FileExcelOutlined />} href={stockTakeApi.recordUrl(id, 'xlsx')} download data-testid="stock-take-xlsx">
              Biên bản (Excel)
            </Button>
            <Button icon={<FilePdfOutlined />} href={stockTakeApi.recordUrl(id, 'pdf')} download data-testid="stock-take-pdf">
              In biên bản (PDF)
            </Button>
            {open && (
              <Popconfirm
                title="Kết thúc đợt kiểm kê?"
                description={take.counts.missing > 0 ? `${take.counts.missing} tài liệu không tìm thấy sẽ được lập vụ mất BMNN.` : 'Kết quả sẽ được ghi vào lịch sử của từng tài liệu.'}
                okText="Kết thúc"
                cancelText="Hủy"
                onConfirm={() => void run(() => stockTakeApi.close(id, null), 'Đã kết thúc đợt kiểm kê')}
              >
                <Button type="primary" loading={busy} data-testid="stock-take-close">
                  Kết thúc kiểm kê
                </Button>
              </Popconfirm>
            )}
          </Space>
          {take.incidentId && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="stock-take-incident"
              title={`Đã lập vụ mất BMNN cho ${take.counts.missing} tài liệu không tìm thấy.`}
              action={<Link to="/incidents">Xem vụ việc</Link>}
            />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="stock-take-error" />}
          {open && (
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text>{selected.length > 0 ? `Đã chọn ${selected.length} tài liệu:` : 'Chọn các dòng rồi ghi kết quả:'}</Typography.Text>
              <Button icon={<CheckOutlined />} disabled={selected.length === 0} loading={busy} onClick={() => void mark('PRESENT')} data-testid="stock-take-present">
                Có, đúng nơi
              </Button>
              <Button icon={<EnvironmentOutlined />} disabled={selected.length === 0} loading={busy} onClick={() => setMisplacing(true)} data-testid="stock-take-misplaced">
                Không đúng nơi…
              </Button>
              <Button danger icon={<CloseOutlined />} disabled={selected.length === 0} loading={busy} onClick={() => void mark('MISSING')} data-testid="stock-take-missing">
                Không tìm thấy
              </Button>
            </Space>
          )}
          <Table<StockTakeLine>
            data-testid="stock-take-lines"
            rowKey="id"
            size="small"
            bordered
            dataSource={take.lines}
            pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
            rowSelection={open ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
            columns={[
              { key: 'soKyHieu', title: 'Số, ký hiệu', render: (_, l) => <Link to={`/items/${l.itemId}`}>{l.soKyHieu}</Link> },
              { key: 'trichYeu', title: 'Trích yếu', render: (_, l) => l.trichYeu ?? <Typography.Text type="secondary">(không lưu trích yếu)</Typography.Text> },
              { key: 'level', title: 'Độ mật', render: (_, l) => <LevelTag level={l.level} /> },
              { key: 'place', title: 'Nơi lưu giữ theo sổ', render: (_, l) => l.expectedLocation ?? <Typography.Text type="secondary">(chưa ghi)</Typography.Text> },
              { key: 'custodian', title: 'Người quản lý', dataIndex: 'custodianName' },
              {
                key: 'result',
                title: 'Kết quả',
                render: (_, l) =>
                  l.result ? (
                    <Tag color={RESULT_COLORS[l.result]} data-testid={`stock-line-result-${l.itemId}`}>
                      {STOCK_TAKE_RESULT_LABELS[l.result]}
                      {l.result === 'MISPLACED' && `: ${l.foundLocation}`}
                    </Tag>
                  ) : (
                    <Tag data-testid={`stock-line-result-${l.itemId}`}>Chưa kiểm</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
      {misplacing && <MisplacedModal count={selected.length} onClose={() => setMisplacing(false)} onSubmit={(place) => { setMisplacing(false); void mark('MISPLACED', place); }} />}
    </Drawer>
  );
}

function MisplacedModal({ count, onClose, onSubmit }: { count: number; onClose: () => void; onSubmit: (place: string) => void }) {
  const [form] = Form.useForm<{ place: string }>();
  return (
    <Modal open title={`${count} tài liệu không đúng nơi lưu giữ`} okText="Ghi nhận" cancelText="Hủy" onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'stock-take-misplaced-ok' }}>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.place.trim())}>
        <Form.Item label="Nơi thực tế tìm thấy" name="place" rules={[{ required: true, whitespace: true, message: 'Ghi nơi thực tế tìm thấy tài liệu' }]} extra="Khi kết thúc kiểm kê, nơi lưu giữ của tài liệu được cập nhật theo nơi này.">
          <Input data-testid="stock-take-found-location" maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
