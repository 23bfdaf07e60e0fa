import { DownOutlined, FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import type { PrintableEntry } from '@bmnn/contracts';
import { Button, Dropdown, Tooltip } from 'antd';
import { printablesApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';

/**
 * "In": the stamps and labels (PDF) and the records and requests (DOCX) of an item. The server
 * says which apply now; the others are shown greyed with the reason. Each file is audited.
 */
export function ItemPrintMenu({ itemId }: { itemId: string }) {
  const loaded = useLoad(() => printablesApi.list(itemId), `printables|${itemId}`);
  const entries: PrintableEntry[] = loaded.data?.printables ?? [];
  if (loaded.error || (!loaded.loading && entries.length === 0)) return null;
  const stamps = entries.filter((e) => e.format === 'pdf');
  const documents = entries.filter((e) => e.format === 'docx');
  const item = (e: PrintableEntry) => ({
    key: e.kind,
    disabled: !e.available,
    icon: e.format === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />,
    label: e.available ? (
      <a href={printablesApi.fileUrl(itemId, e.kind, e.format)} download data-testid={`print-${e.kind}`}>
        {e.label} ({e.format.toUpperCase()})
      </a>
    ) : (
      <Tooltip title={e.reason} placement="left">
        <span data-testid={`print-${e.kind}-unavailable`}>{e.label}</span>
      </Tooltip>
    ),
  });
  return (
    <span style={{ marginLeft: 8 }}>
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { type: 'group', key: 'stamps', label: 'Dấu, nhãn (PDF, in mực đỏ)', children: stamps.map(item) },
          { type: 'group', key: 'documents', label: 'Biên bản, văn bản đề nghị (DOCX)', children: documents.map(item) },
        ],
      }}
    >
      <Button icon={<PrinterOutlined />} loading={loaded.loading} data-testid="item-print">
        In <DownOutlined />
      </Button>
    </Dropdown>
    </span>
  );
}
