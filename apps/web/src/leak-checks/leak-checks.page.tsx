import { FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { LEAK_CHECK_MAX_BYTES, LEAK_CONCLUSION_LABELS, formatDateTime, type LeakCheck } from '@bmnn/contracts';
import { Alert, Button, Card, Checkbox, Drawer, Input, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { leakChecksApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { DecisionTag, LeakCheckResult } from './leak-check-result.component.tsx';

const PAGE = 20;

/**
 * "Kiểm tra trước khi đăng": an editor checks a file before it goes on a public portal, and the
 * security officer concludes the files the checker could not clear (DESIGN.md §6).
 */
export function LeakChecksPage() {
  const [file, setFile] = useState<File>();
  const [alreadyPublished, setAlreadyPublished] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<LeakCheck>();
  const [openOnly, setOpenOnly] = useState(false);
  const [sha256, setSha256] = useState('');
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<LeakCheck>();
  const query = { ...(openOnly ? { open: 'true' as const } : {}), ...(sha256 ? { sha256 } : {}), limit: PAGE, offset: (page - 1) * PAGE };
  const list = useLoad(() => leakChecksApi.list(query), JSON.stringify(query));

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const { check } = await leakChecksApi.check(file, alreadyPublished);
      setResult(check);
      list.reload();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Kiểm tra tệp trước khi đăng
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          Trước khi đăng một tệp lên cổng thông tin điện tử hoặc mạng xã hội, hãy kiểm tra tệp đó có mang dấu chỉ độ mật (MẬT, TỐI MẬT, TUYỆT MẬT), dấu sao,
          dấu thu hồi, dấu thời hạn bảo vệ hay không. BMNN đọc toàn bộ chữ người đọc và máy tìm kiếm có thể thấy: thân văn bản, đầu và chân trang, hộp văn
          bản, bảng tính, ghi chú, thuộc tính tệp, tệp nén, và chữ trên bản quét (OCR). Tệp không được lưu lại, chỉ lưu mã SHA-256 và kết quả. Tệp tối đa{' '}
          {Math.round(LEAK_CHECK_MAX_BYTES / 1024 / 1024)} MB; tệp lớn hơn kiểm tra bằng lệnh <Typography.Text code>bmnn scan</Typography.Text>.
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Upload
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setResult(undefined);
              setError(f.size > LEAK_CHECK_MAX_BYTES ? `Tệp lớn hơn ${Math.round(LEAK_CHECK_MAX_BYTES / 1024 / 1024)} MB: hãy kiểm tra bằng lệnh bmnn scan` : undefined);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="leak-check-file">
              Chọn tệp
            </Button>
          </Upload>
          {file && <Typography.Text data-testid="leak-check-file-name">{file.name}</Typography.Text>}
          <Checkbox checked={alreadyPublished} onChange={(e) => setAlreadyPublished(e.target.checked)} data-testid="leak-check-published">
            Tệp này đã được đăng công khai
          </Checkbox>
          <Button type="primary" icon={<FileSearchOutlined />} onClick={() => void run()} disabled={!file || file.size > LEAK_CHECK_MAX_BYTES} loading={busy} data-testid="leak-check-run">
            {busy ? 'Đang kiểm tra…' : 'Kiểm tra'}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="leak-check-error" />}
        {result && <LeakCheckResult check={result} onChanged={(c) => { setResult(c); list.reload(); }} />}
      </Card>
      <Card title="Các lượt kiểm tra">
        <Space wrap style={{ marginBottom: 16 }}>
          <Switch checked={openOnly} onChange={(v) => { setOpenOnly(v); setPage(1); }} data-testid="leak-checks-open-only" />
          <span>Chỉ các tệp chờ kết luận</span>
          <Input.Search
            allowClear
            placeholder="Tra cứu theo mã SHA-256 của tệp"
            style={{ width: 420 }}
            onSearch={(v) => { setSha256(v.trim()); setPage(1); }}
            data-testid="leak-checks-sha"
          />
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
        <Table<LeakCheck>
          data-testid="leak-checks-table"
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.checks ?? []}
          locale={{ emptyText: 'Chưa có lượt kiểm tra nào' }}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => `${total} lượt kiểm tra` }}
          columns={[
            { key: 'at', title: 'Lúc', render: (_, c) => formatDateTime(c.checkedAt) },
            { key: 'file', title: 'Tệp', render: (_, c) => <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setShown(c)}>{c.fileName}</Button> },
            { key: 'unit', title: 'Đơn vị', dataIndex: 'unitName' },
            { key: 'by', title: 'Người kiểm tra', dataIndex: 'checkedByName' },
            { key: 'decision', title: 'Kết quả', render: (_, c) => <DecisionTag check={c} /> },
            { key: 'conclusion', title: 'Kết luận', render: (_, c) => (c.conclusion ? LEAK_CONCLUSION_LABELS[c.conclusion] : c.decision === 'review' ? <Tag>Chờ kết luận</Tag> : '—') },
            { key: 'may', title: 'Được đăng', render: (_, c) => (c.mayPublish ? <Tag color="green">Được</Tag> : <Tag color="red">Không</Tag>) },
          ]}
        />
      </Card>
      {shown && (
        <Drawer open width={860} title="Kết quả kiểm tra tệp" onClose={() => setShown(undefined)}>
          <LeakCheckResult check={shown} onChanged={(c) => { setShown(c); list.reload(); }} />
        </Drawer>
      )}
    </>
  );
}
