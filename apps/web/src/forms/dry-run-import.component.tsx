import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { describeError } from '../api/api.client.ts';
import { ImportProblemsTable } from './import-problems.component.tsx';

type ImportProblem = { row: number; column: string | null; message: string };
type Answer = { report: { ok: boolean; problems: readonly ImportProblem[] } };

/**
 * Every "import from a file" in BMNN works the same way: choose the file, "Kiểm tra tệp" (a dry run
 * that lists every problem by row and column), then the import, which writes all rows or none.
 * The caller says what to send and how to word the outcome.
 */
export function DryRunImport<A extends Answer>({
  accept,
  testIdPrefix,
  importLabel,
  send,
  imported,
  checkedText,
  failedText,
  onImported,
  children,
}: {
  accept: string;
  testIdPrefix: string;
  importLabel: string;
  send: (file: File, dryRun: boolean) => Promise<A>;
  /** The success message once rows were written, or null when the answer wrote nothing. */
  imported: (answer: A) => string | null;
  checkedText: (answer: A) => string;
  failedText: (answer: A) => string;
  onImported: () => void;
  /** What the file must look like, shown above the buttons. */
  children?: ReactNode;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [checked, setChecked] = useState<A>();

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await send(file, dryRun);
      setChecked(answer);
      const done = dryRun ? null : imported(answer);
      if (done) {
        void message.success(done);
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
      {children}
      <Space wrap style={{ marginBottom: 16 }}>
        <Upload
          accept={accept}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setChecked(undefined);
            setError(undefined);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid={`${testIdPrefix}-file`}>
            Chọn tệp
          </Button>
        </Upload>
        {file && <Typography.Text data-testid={`${testIdPrefix}-file-name`}>{file.name}</Typography.Text>}
        <Button onClick={() => void run(true)} disabled={!file} loading={busy} data-testid={`${testIdPrefix}-dry-run`}>
          Kiểm tra tệp
        </Button>
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => void run(false)} disabled={!file || !checked?.report.ok} loading={busy} data-testid={`${testIdPrefix}-import`}>
          {importLabel}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {checked?.report.ok && <Alert type="success" showIcon data-testid={`${testIdPrefix}-check-ok`} style={{ marginBottom: 16 }} title={checkedText(checked)} />}
      {checked && !checked.report.ok && (
        <>
          <Alert type="error" showIcon data-testid={`${testIdPrefix}-check-failed`} style={{ marginBottom: 16 }} title={failedText(checked)} />
          <ImportProblemsTable problems={checked.report.problems} testId={`${testIdPrefix}-problems`} />
        </>
      )}
    </>
  );
}
