import { Table } from 'antd';

export type ImportProblem = { row: number; column: string | null; message: string };

/** The problems of an import check, each with its row and column (row 0: the whole file). */
export function ImportProblemsTable({ problems, testId }: { problems: readonly ImportProblem[]; testId: string }) {
  return (
    <Table<ImportProblem & { key: number }>
      data-testid={testId}
      size="small"
      bordered
      pagination={{ pageSize: 20, showSizeChanger: false }}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      columns={[
        { key: 'row', title: 'Dòng', width: 80, render: (_, p) => (p.row > 0 ? p.row : '—') },
        { key: 'column', title: 'Cột', width: 200, render: (_, p) => p.column ?? '—' },
        { key: 'message', title: 'Lỗi', dataIndex: 'message' },
      ]}
    />
  );
}
