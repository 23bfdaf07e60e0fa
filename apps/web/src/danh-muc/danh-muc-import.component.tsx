import { Typography } from 'antd';
import { DryRunImport } from '../forms/dry-run-import.component.tsx';
import { danhMucApi, type ImportAnswer } from './danh-muc.api.ts';

const COLUMNS = ['Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành', 'Lĩnh vực', 'Hiệu lực từ', 'Hiệu lực đến', 'Mục số', 'Độ mật', 'Nội dung', 'Từ khóa'];

/**
 * Import of a danh mục file (.xlsx or UTF-8 .csv): first a dry run that lists every problem with
 * its row and column, then the import, which writes nothing unless the whole file is valid.
 */
export function DanhMucImport({ onImported }: { onImported: () => void }) {
  return (
    <DryRunImport<ImportAnswer>
      accept=".xlsx,.csv"
      testIdPrefix="danh-muc"
      importLabel="Nhập danh mục"
      send={danhMucApi.importFile}
      imported={(a) => (a.imported ? `Đã nhập ${a.imported.decisions} quyết định, ${a.imported.items} mục` : null)}
      checkedText={(a) => `Tệp hợp lệ: ${a.report.rows} dòng dữ liệu. Bấm “Nhập danh mục” để nhập.`}
      failedText={(a) => `Tìm thấy ${a.report.problems.length} lỗi (tệp có ${a.report.rows} dòng dữ liệu): chưa nhập dòng nào. Sửa tệp rồi kiểm tra lại.`}
      onImported={onImported}
    >
      <Typography.Paragraph>
        Tệp Excel (.xlsx) hoặc CSV (UTF-8), dòng đầu là tên cột: <Typography.Text code>{COLUMNS.join(', ')}</Typography.Text>. Ngày ghi
        dd/mm/yyyy. Mỗi dòng là một mục; các dòng cùng số quyết định thuộc một quyết định. Khi tệp còn lỗi, không dòng nào được nhập.
      </Typography.Paragraph>
    </DryRunImport>
  );
}
