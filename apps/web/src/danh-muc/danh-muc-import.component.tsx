import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { ImportProblemsTable } from '../forms/import-problems.component.tsx';
import { danhMucApi, type ImportAnswer } from './danh-muc.api.ts';

const COLUMNS = ['Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành', 'Lĩnh vực', 'Hiệu lực từ', 'Hiệu lực đến', 'Mục số', 'Độ mật', 'Nội dung', 'Từ khóa'];

/**
 * Import of a danh mục file (.xlsx or UTF-8 .csv): first a dry run that lists every problem with
 * its row and column, then the import, which writes nothing unless the whole file is valid.
 */
export function DanhMucImport({ onImported }: { onImported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [checked, setChecked] = useState<ImportAnswer>();

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await danhMucApi.importFile(file, dryRun);
      setChecked(answer);
      if (!dryRun && answer.imported) {
        void message.success(`Đã nhập ${answer.imported.decisions} quyết định, ${answer.imported.items} mục`);
        setFile(undefined);
        setChecked(undefined);
        onImported();
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph>
        Tệp Excel (.xlsx) hoặc CSV (UTF-8), dòng đầu là tên cột: <Typography.Text code>{COLUMNS.join(', ')}</Typography.Text>. Ngày ghi
        dd/mm/yyyy. Mỗi dòng là một mục; các dòng cùng số quyết định thuộc một quyết định. Khi tệp còn lỗi, không dòng nào được nhập.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setChecked(undefined);
            setError(undefined);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="danh-muc-file">
            Chọn tệp
          </Button>
        </Upload>
        {file && <Typography.Text data-testid="danh-muc-file-name">{file.name}</Typography.Text>}
        <Button onClick={() => void run(true)} disabled={!file} loading={busy} data-testid="danh-muc-dry-run">
          Kiểm tra tệp
        </Button>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => void run(false)}
          disabled={!file || !checked?.report.ok}
          loading={busy}
          data-testid="danh-muc-import"
        >
          Nhập danh mục
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {checked && checked.report.ok && (
        <Alert type="success" showIcon data-testid="danh-muc-check-ok" style={{ marginBottom: 16 }} title={`Tệp hợp lệ: ${checked.report.rows} dòng dữ liệu. Bấm “Nhập danh mục” để nhập.`} />
      )}
      {checked && !checked.report.ok && (
        <>
          <Alert
            type="error"
            showIcon
            data-testid="danh-muc-check-failed"
            style={{ marginBottom: 16 }}
            title={`Tìm thấy ${checked.report.problems.length} lỗi (tệp có ${checked.report.rows} dòng dữ liệu): chưa nhập dòng nào. Sửa tệp rồi kiểm tra lại.`}
          />
          <ImportProblemsTable problems={checked.report.problems} testId="danh-muc-problems" />
        </>
      )}
    </>
  );
}
