import { AuditOutlined, FileExcelOutlined, FilePdfOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime, LEVEL_LABELS, LEVELS, LIMITS, type BookView, type CopyBookLine, type HandoverBookLine, type IncomingBookLine, type Level, type OutgoingBookLine, type StatisticsLine, type StatisticsSummary } from '@bmnn/contracts';
import { Alert, Button, Card, Input, Select, Space, Table, Tabs, Typography, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { bookExportUrl, registerApi, type BookQuery, type BookSlug } from './register.api.ts';
import { LevelTag } from './register.labels.tsx';
import { StatisticsSummaryCards } from './statistics-summary.component.tsx';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);
const blank = <span style={{ display: 'inline-block', minWidth: 60 }} />;
const PAGE_SIZES = [20, 50, 100, 200, LIMITS.bookPageSizeMax];

/** The page of the open book only: each tab asks the server for its own page (issue #3). */
type LoadedBook = { slug: BookSlug; view: BookView<unknown> & { summary?: StatisticsSummary } };
const LOADERS: Record<BookSlug, (query: BookQuery) => Promise<LoadedBook['view']>> = {
  den: registerApi.incomingBook,
  di: registerApi.outgoingBook,
  'chuyen-giao': registerApi.handoverBook,
  'sao-chup': registerApi.copyBook,
  'thong-ke': registerApi.statistics,
};

function BookHeading({ title, unitName, year, basis }: { title: string; unitName: string; year: number; basis: string }) {
  return (
    <div style={{ textAlign: 'center', marginBottom: 16 }}>
      <Typography.Text type="secondary">{unitName}</Typography.Text>
      <Typography.Title level={4} style={{ margin: '4px 0', letterSpacing: 0.5 }}>
        {title}
      </Typography.Title>
      <Typography.Text>Năm {year}</Typography.Text>
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {basis}
      </Typography.Text>
    </div>
  );
}

function ExportButtons({ book, unitId, year }: { book: BookSlug; unitId: string; year: number }) {
  return (
    <Space>
      <Button icon={<FileExcelOutlined />} href={bookExportUrl(book, { unitId, year, format: 'xlsx' })} download data-testid={`export-${book}-xlsx`}>
        Xuất Excel (XLSX)
      </Button>
      <Button icon={<FilePdfOutlined />} href={bookExportUrl(book, { unitId, year, format: 'pdf' })} download data-testid={`export-${book}-pdf`}>
        In sổ (PDF)
      </Button>
      <Button icon={<FileWordOutlined />} href={bookExportUrl(book, { unitId, year, format: 'docx' })} download data-testid={`export-${book}-docx`}>
        Xuất Word (DOCX)
      </Button>
    </Space>
  );
}

/**
 * "Sổ sách": the incoming, outgoing, handover and copy books and the statistics of a unit for a year, laid out like the
 * paper books (LEGAL.md §15.2 minimum fields; the official columns are loaded later as data).
 */
export function BooksPage() {
  const { account } = useSession();
  const navigate = useNavigate();
  const { units, byId } = useUnits();
  const [unitId, setUnitId] = useState<string>(account.unitId);
  const [year, setYear] = useState(thisYear);
  const [tab, setTab] = useState<BookSlug>('den');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(LIMITS.pageSizeDefault);
  const [level, setLevel] = useState<Level>();
  const [q, setQ] = useState('');
  const query: BookQuery = { unitId, year, page, pageSize, level, q: q || undefined };
  const book = useLoad<LoadedBook>(async () => ({ slug: tab, view: await LOADERS[tab](query) }), JSON.stringify([tab, query]));
  // A page answered for another tab is not shown under this one while the new page loads.
  const view = book.data?.slug === tab ? book.data.view : undefined;
  const filtered = Boolean(level || q);
  /** Any change of book, unit, year or filter starts again at page 1. */
  const from = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: view?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    onChange: (nextPage, nextSize) => {
      setPage(nextSize === pageSize ? nextPage : 1);
      setPageSize(nextSize);
    },
  };
  /** A tab once opened stays mounted (hidden): its pager names its own book. */
  const tableProps = (slug: BookSlug) => ({
    size: 'small' as const,
    bordered: true,
    loading: book.loading,
    pagination: {
      ...pagination,
      showTotal: (total: number) => (
        <span data-testid={`book-${slug}-total`}>{filtered ? `${total.toLocaleString('vi-VN')} dòng khớp bộ lọc` : `${total.toLocaleString('vi-VN')} dòng`}</span>
      ),
    },
  });
  const empty = (text: string) => ({ emptyText: filtered ? 'Không có dòng nào khớp bộ lọc' : text });
  const lines = <L,>() => (view?.lines ?? []) as L[];
  const loadError = book.error && <Alert type="error" showIcon title={book.error} style={{ marginBottom: 16 }} />;
  const unitName = byId.get(unitId)?.name ?? account.unitName;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Sổ sách
        </Typography.Title>
        <Space size="large">
          <Link to="/books/stock-takes" data-testid="go-stock-takes">
            <AuditOutlined /> Kiểm kê tài liệu, vật chứa BMNN
          </Link>
          <Button icon={<UploadOutlined />} onClick={() => navigate('/books/import')} data-testid="books-import">
            Nhập sổ cũ từ Excel
          </Button>
        </Space>
      </Space>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 360 }}>
            <UnitSelect units={units} includeDefunct value={unitId} onChange={(v) => v && from(setUnitId)(v)} testId="books-unit" />
          </div>
          <Select
            value={year}
            onChange={from(setYear)}
            style={{ width: 140 }}
            options={YEARS.map((y) => ({ value: y, label: `Năm ${y}` }))}
            data-testid="books-year"
          />
          <Select<Level>
            value={level}
            onChange={from(setLevel)}
            allowClear
            placeholder="Tất cả độ mật"
            aria-label="Độ mật"
            style={{ width: 160 }}
            options={[...LEVELS].reverse().map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
            data-testid="books-level"
          />
          <Input.Search
            placeholder="Tìm theo số, ký hiệu hoặc trích yếu (không cần dấu)"
            aria-label="Tìm trong sổ"
            allowClear
            onSearch={(v) => from(setQ)(v.trim())}
            style={{ width: 440 }}
            data-testid="books-search"
          />
        </Space>
        <Tabs
          activeKey={tab}
          onChange={(k) => from(setTab)(k as BookSlug)}
          tabBarExtraContent={<ExportButtons book={tab} unitId={unitId} year={year} />}
          items={[
            {
              key: 'den',
              label: <span data-testid="tab-den">Sổ đăng ký BMNN đến</span>,
              children: (
                <>
                  <BookHeading title="SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN" unitName={unitName} year={year} basis="Mẫu số 15, Thông tư 24/2020/TT-BCA (cột theo dữ liệu tối thiểu; mẫu chính thức nạp sau)" />
                  {loadError}
                  <Table<IncomingBookLine>
                    data-testid="book-den"
                    rowKey={(l) => `${l.serial}`}
                    {...tableProps('den')}
                    dataSource={lines<IncomingBookLine>()}
                    scroll={{ x: 1280 }}
                    locale={empty(`Chưa có tài liệu nào vào sổ đến năm ${year}`)}
                    columns={[
                      { key: 'serial', title: 'Số đến', dataIndex: 'serial', width: 60, align: 'center' },
                      { key: 'receivedAt', title: 'Ngày đến', width: 100, render: (_, l) => formatDate(l.receivedAt) },
                      { key: 'sender', title: 'Nơi gửi', dataIndex: 'sender', width: 150 },
                      {
                        key: 'soKyHieu',
                        title: 'Số, ký hiệu; ngày văn bản',
                        width: 140,
                        render: (_, l) => (
                          <>
                            {l.soKyHieu}
                            {l.documentDate && <div>{formatDate(l.documentDate)}</div>}
                          </>
                        ),
                      },
                      {
                        key: 'trichYeu',
                        title: 'Trích yếu',
                        width: 240,
                        render: (_, l) => l.trichYeu ?? (l.level === 'TUYET_MAT' ? <Typography.Text type="secondary">(Tuyệt mật — không ghi)</Typography.Text> : ''),
                      },
                      { key: 'level', title: 'Độ mật', width: 90, align: 'center', render: (_, l) => <LevelTag level={l.level} /> },
                      { key: 'copies', title: 'Số bản', dataIndex: 'copies', width: 55, align: 'center' },
                      { key: 'receiver', title: 'Người nhận, người giữ', width: 130, render: (_, l) => l.custodianName ?? l.receivedBy },
                      { key: 'condition', title: 'Tình trạng bì', dataIndex: 'condition', width: 130 },
                      { key: 'recall', title: 'Hạn thu hồi', width: 95, render: (_, l) => formatDate(l.recallDeadline) },
                      { key: 'sign', title: 'Ký nhận', width: 75, render: () => blank },
                      { key: 'note', title: 'Ghi chú', width: 110, render: (_, l) => l.note ?? '' },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'chuyen-giao',
              label: <span data-testid="tab-chuyen-giao">Sổ chuyển giao BMNN</span>,
              children: (
                <>
                  <BookHeading title="SỔ CHUYỂN GIAO BÍ MẬT NHÀ NƯỚC" unitName={unitName} year={year} basis="Mẫu số 16, Thông tư 24/2020/TT-BCA (cột theo dữ liệu tối thiểu; mẫu chính thức nạp sau)" />
                  {loadError}
                  <Table<HandoverBookLine>
                    data-testid="book-chuyen-giao"
                    rowKey={(l) => `${l.serial}`}
                    {...tableProps('chuyen-giao')}
                    dataSource={lines<HandoverBookLine>()}
                    locale={empty(`Chưa có lần chuyển giao nào năm ${year}`)}
                    columns={[
                      { key: 'serial', title: 'Số TT', dataIndex: 'serial', width: 70, align: 'center' },
                      { key: 'at', title: 'Ngày, giờ giao', width: 140, render: (_, l) => formatDateTime(l.at) },
                      { key: 'soKyHieu', title: 'Số, ký hiệu tài liệu', dataIndex: 'soKyHieu' },
                      { key: 'level', title: 'Độ mật', width: 95, align: 'center', render: (_, l) => <LevelTag level={l.level} /> },
                      { key: 'from', title: 'Người giao', render: (_, l) => l.fromName ?? '—' },
                      { key: 'to', title: 'Người nhận', dataIndex: 'toName' },
                      { key: 'unit', title: 'Đơn vị nhận', dataIndex: 'toUnitName' },
                      { key: 'sign', title: 'Ký nhận', width: 90, render: () => blank },
                      { key: 'note', title: 'Ghi chú', render: (_, l) => l.note ?? '' },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'di',
              label: <span data-testid="tab-di">Sổ đăng ký BMNN đi</span>,
              children: (
                <>
                  <BookHeading title="SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐI" unitName={unitName} year={year} basis="Mẫu số 14, Thông tư 24/2020/TT-BCA (cột theo dữ liệu tối thiểu; mẫu chính thức nạp sau)" />
                  {loadError}
                  <Table<OutgoingBookLine>
                    data-testid="book-di"
                    rowKey={(l) => `${l.serial}`}
                    {...tableProps('di')}
                    dataSource={lines<OutgoingBookLine>()}
                    locale={empty(`Chưa có tài liệu nào vào sổ đi năm ${year}`)}
                    columns={[
                      { key: 'serial', title: 'Số TT', dataIndex: 'serial', width: 60, align: 'center' },
                      { key: 'date', title: 'Ngày văn bản', width: 100, render: (_, l) => formatDate(l.date) },
                      { key: 'soKyHieu', title: 'Số, ký hiệu', dataIndex: 'soKyHieu', width: 140 },
                      { key: 'trichYeu', title: 'Trích yếu', render: (_, l) => l.trichYeu ?? (l.level === 'TUYET_MAT' ? <Typography.Text type="secondary">(Tuyệt mật — không ghi)</Typography.Text> : '') },
                      { key: 'level', title: 'Độ mật', width: 90, align: 'center', render: (_, l) => <LevelTag level={l.level} /> },
                      { key: 'signer', title: 'Người ký', width: 140, render: (_, l) => l.signer ?? '' },
                      { key: 'recipients', title: 'Nơi nhận', render: (_, l) => l.recipients.join('; ') },
                      { key: 'copies', title: 'Số bản', dataIndex: 'copies', width: 60, align: 'center' },
                      { key: 'mark', title: 'Dấu A, B, C', dataIndex: 'envelopeMark', width: 80, align: 'center' },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'sao-chup',
              label: <span data-testid="tab-sao-chup">Sổ quản lý sao, chụp BMNN</span>,
              children: (
                <>
                  <BookHeading title="SỔ QUẢN LÝ SAO, CHỤP BÍ MẬT NHÀ NƯỚC" unitName={unitName} year={year} basis="Mẫu số 12, Thông tư 24/2020/TT-BCA (cột theo dữ liệu tối thiểu; mẫu chính thức nạp sau)" />
                  {loadError}
                  <Table<CopyBookLine>
                    data-testid="book-sao-chup"
                    rowKey={(l) => `${l.serial}`}
                    {...tableProps('sao-chup')}
                    dataSource={lines<CopyBookLine>()}
                    locale={empty(`Chưa có lần sao, chụp nào năm ${year}`)}
                    columns={[
                      { key: 'serial', title: 'Số TT', dataIndex: 'serial', width: 60, align: 'center' },
                      { key: 'date', title: 'Ngày', width: 100, render: (_, l) => formatDate(l.date) },
                      { key: 'original', title: 'Tài liệu gốc', dataIndex: 'original' },
                      { key: 'level', title: 'Độ mật', width: 90, align: 'center', render: (_, l) => <LevelTag level={l.level} /> },
                      { key: 'type', title: 'Hình thức', dataIndex: 'copyType', width: 120 },
                      { key: 'counts', title: 'Cho phép / đã sao', width: 110, align: 'center', render: (_, l) => `${l.authorised} / ${l.made}` },
                      { key: 'numbers', title: 'Bản sao số', width: 90, render: (_, l) => l.copyNumbers.join(', ') },
                      { key: 'spoiled', title: 'Bản hỏng, thừa', dataIndex: 'spoiledDestroyed', width: 150 },
                      { key: 'by', title: 'Người cho phép / người sao', render: (_, l) => `${l.authorisedBy ?? '—'} / ${l.executedBy ?? '—'}` },
                      { key: 'device', title: 'Thiết bị', render: (_, l) => l.device ?? '' },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'thong-ke',
              label: <span data-testid="tab-thong-ke">Thống kê BMNN</span>,
              children: (
                <>
                  <BookHeading title="THỐNG KÊ BÍ MẬT NHÀ NƯỚC" unitName={unitName} year={year} basis="Mẫu số 18, Thông tư 24/2020/TT-BCA (cột theo dữ liệu tối thiểu; mẫu chính thức nạp sau)" />
                  {loadError}
                  {view?.summary && <StatisticsSummaryCards summary={view.summary} year={year} />}
                  <Table<StatisticsLine>
                    data-testid="book-thong-ke"
                    rowKey={(l) => l.itemId}
                    {...tableProps('thong-ke')}
                    dataSource={lines<StatisticsLine>()}
                    locale={empty(`Chưa có tài liệu nào năm ${year}`)}
                    columns={[
                      { key: 'serial', title: 'Số TT', dataIndex: 'serial', width: 60, align: 'center' },
                      { key: 'soKyHieu', title: 'Số, ký hiệu', dataIndex: 'soKyHieu', width: 160 },
                      { key: 'date', title: 'Ngày', width: 100, render: (_, l) => formatDate(l.date) },
                      { key: 'trichYeu', title: 'Trích yếu', render: (_, l) => l.trichYeu ?? '' },
                      { key: 'level', title: 'Độ mật', width: 90, align: 'center', render: (_, l) => <LevelTag level={l.level} /> },
                      { key: 'quantity', title: 'Số lượng', dataIndex: 'quantity', width: 70, align: 'center' },
                      { key: 'storage', title: 'Người quản lý', render: (_, l) => l.storage ?? '' },
                      { key: 'end', title: 'Thời hạn bảo vệ', width: 120, render: (_, l) => (l.protectionEnd ? `Đến hết ngày ${formatDate(l.protectionEnd)}` : '') },
                      { key: 'status', title: 'Tình trạng', dataIndex: 'status', width: 160 },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
