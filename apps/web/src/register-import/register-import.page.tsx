import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  LIMITS,
  REGISTER_IMPORT_BOOK_LABELS,
  REGISTER_IMPORT_BOOKS,
  REGISTER_IMPORT_FIELD_KEYS,
  REGISTER_IMPORT_FIELDS,
  type RegisterImportAnswer,
  type RegisterImportBook,
  type RegisterImportField,
  type RegisterImportMapping,
} from '@bmnn/contracts';
import { Alert, App, Button, Card, Descriptions, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../api/api.client.ts';
import { useSession } from '../auth/session.context.tsx';
import { registerImportApi } from '../files/files.api.ts';
import { ImportProblemsTable } from '../forms/import-problems.component.tsx';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';

const REQUIRED: Record<RegisterImportBook, RegisterImportField[]> = { DEN: ['soKyHieu', 'date', 'level', 'issuer'], DI: ['soKyHieu', 'date', 'level'] };

/**
 * "Nhập sổ cũ": an old incoming or outgoing book kept in Excel (.xlsx) or CSV. The server reads
 * the header row and proposes which column is which; the person corrects it, checks the file
 * (every wrong row is listed, with a downloadable report) and imports — all rows or none.
 */
export function RegisterImportPage() {
  const { account } = useSession();
  const { units } = useUnits();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState(account.unitId);
  const [book, setBook] = useState<RegisterImportBook>('DEN');
  const [file, setFile] = useState<File>();
  const [answer, setAnswer] = useState<RegisterImportAnswer>();
  const [mapping, setMapping] = useState<RegisterImportMapping>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (dryRun: boolean, chosen = mapping) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await registerImportApi.run(file, { unitId, book, mapping: chosen, dryRun });
      setAnswer(result);
      setMapping(result.mapping);
      if (result.imported) {
        void message.success(`Đã nhập ${result.imported.items} dòng vào ${REGISTER_IMPORT_BOOK_LABELS[result.imported.book]}`);
        navigate('/books');
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const report = async () => {
    if (!file) return;
    setError(undefined);
    try {
      await registerImportApi.downloadReport(file, { unitId, book, mapping });
    } catch (e) {
      setError(describeError(e));
    }
  };

  const reset = () => {
    setAnswer(undefined);
    setMapping(undefined);
    setError(undefined);
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Nhập sổ cũ từ tệp Excel, CSV
      </Typography.Title>
      <Card>
        <Typography.Paragraph>
          Dòng 1 của tệp là tên cột, dữ liệu từ dòng 2; ngày ghi dd/mm/yyyy. Tệp tối đa {Math.round(LIMITS.importFileMaxBytes / 1024 / 1024)} MB và {LIMITS.importRowsMax.toLocaleString('vi-VN')} dòng. Mỗi dòng thành một tài liệu mật có dòng sổ
          tương ứng. Khi tệp còn lỗi, không dòng nào được nhập. Không ghi trích yếu của tài liệu Tuyệt mật (R7.2).
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 320 }}>
            <UnitSelect units={units} value={unitId} onChange={(v) => { if (v) { setUnitId(v); reset(); } }} testId="import-unit" />
          </div>
          <Select value={book} onChange={(v) => { setBook(v); reset(); }} style={{ width: 240 }} options={REGISTER_IMPORT_BOOKS.map((b) => ({ value: b, label: REGISTER_IMPORT_BOOK_LABELS[b] }))} data-testid="import-book" />
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              reset();
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="import-file">
              Chọn tệp
            </Button>
          </Upload>
          {file && <Typography.Text data-testid="import-file-name">{file.name}</Typography.Text>}
          <Button onClick={() => void run(true)} disabled={!file} loading={busy} data-testid="import-check">
            {answer ? 'Kiểm tra lại' : 'Đọc tệp và kiểm tra'}
          </Button>
          <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => void run(false)} disabled={!file || !answer?.report.ok} loading={busy} data-testid="import-run">
            Nhập vào sổ
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" />}
        {answer && answer.columns.length > 0 && mapping && (
          <Card size="small" title="Ghép cột của tệp với thông tin của sổ" style={{ marginBottom: 16 }} data-testid="import-mapping">
            <Descriptions column={2} size="small" bordered>
              {REGISTER_IMPORT_FIELD_KEYS.map((field) => (
                <Descriptions.Item key={field} label={`${REGISTER_IMPORT_FIELDS[field]}${REQUIRED[book].includes(field) ? ' *' : ''}`}>
                  <Select
                    allowClear
                    placeholder="Không có cột này"
                    style={{ width: '100%' }}
                    value={mapping[field] ?? undefined}
                    onChange={(v: number | undefined) => setMapping({ ...mapping, [field]: v ?? null })}
                    options={answer.columns.map((c) => ({ value: c.index, label: `Cột ${c.index + 1}: ${c.header || '(không có tên)'}` }))}
                    data-testid={`import-map-${field}`}
                  />
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              Sau khi sửa cách ghép cột, bấm “Kiểm tra lại”.
            </Typography.Paragraph>
          </Card>
        )}
        {answer?.report.ok && (
          <Alert type="success" showIcon data-testid="import-check-ok" style={{ marginBottom: 16 }} title={`Tệp hợp lệ: ${answer.report.rows} dòng dữ liệu. Bấm “Nhập vào sổ” để nhập tất cả.`} />
        )}
        {answer && !answer.report.ok && (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="import-check-failed"
              style={{ marginBottom: 16 }}
              title={`Tìm thấy ${answer.report.problems.length} lỗi (tệp có ${answer.report.rows} dòng dữ liệu): chưa nhập dòng nào. Sửa tệp hoặc cách ghép cột rồi kiểm tra lại.`}
              action={
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void report()} data-testid="import-report">
                  Tải báo cáo lỗi (XLSX)
                </Button>
              }
            />
            <ImportProblemsTable problems={answer.report.problems} testId="import-problems" />
          </>
        )}
      </Card>
    </>
  );
}
