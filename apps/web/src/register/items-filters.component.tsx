// The filters bar of the item list: level, status, unit, book, custodian, end of protection,
// items without a storage place. Every change goes straight to the address bar (the page reads it).
import { ITEM_LIST_BOOKS, ITEM_LIST_BOOK_LABELS, LEVELS, LEVEL_LABELS, type Person, type Unit } from '@bmnn/contracts';
import { Checkbox, Col, DatePicker, Form, Row, Select } from 'antd';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import type { ItemFilters } from './items-list.query.ts';
import { ITEM_STATUS_LABELS } from './register.labels.tsx';

dayjs.extend(customParseFormat);

/** What a typed date says when it is not a real dd/mm/yyyy date; undefined when it is fine or empty. */
export function describeTypedDate(text: string): string | undefined {
  const value = text.trim();
  if (!value || dayjs(value, DATE_FORMAT, true).isValid()) return undefined;
  return `Ngày không hợp lệ: “${value}” (cần nhập theo dạng dd/mm/yyyy, ví dụ 31/12/2026)`;
}

export function ItemFiltersBar({ filters, onChange, units, people, peopleLoading }: {
  filters: ItemFilters;
  onChange: (next: ItemFilters) => void;
  /** The units in the person's scope. */
  units: readonly Unit[];
  people: readonly Person[];
  peopleLoading: boolean;
}) {
  const [dateError, setDateError] = useState<string>();
  const set = (patch: Partial<ItemFilters>) => onChange({ ...filters, ...patch });
  const personOptions = useMemo(
    () => people.map((p) => ({ value: p.id, label: [p.fullName, p.position].filter(Boolean).join(' — '), title: p.fullName })),
    [people],
  );
  // The picker drops a date it cannot read; say so instead of silently keeping the old filter.
  const checkTyped = (e: FocusEvent<HTMLElement> | KeyboardEvent<HTMLElement>) => {
    if ('key' in e && e.key !== 'Enter') return;
    const input = e.target as HTMLInputElement;
    setDateError(describeTypedDate(input.value ?? ''));
  };

  return (
    <Form layout="vertical" data-testid="items-filters" component="div">
      <Row gutter={[16, 0]}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="Độ mật" htmlFor="items-filter-level" style={{ marginBottom: 12 }}>
            <Select
              id="items-filter-level"
              allowClear
              placeholder="Tất cả độ mật"
              value={filters.level}
              onChange={(level) => set({ level })}
              options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l], title: LEVEL_LABELS[l] }))}
              data-testid="items-filter-level"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="Tình trạng" htmlFor="items-filter-status" style={{ marginBottom: 12 }}>
            <Select
              id="items-filter-status"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Tất cả tình trạng"
              value={filters.status}
              onChange={(status) => set({ status })}
              options={Object.entries(ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label, title: label }))}
              data-testid="items-filter-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="Đơn vị" htmlFor="items-filter-unit" style={{ marginBottom: 12 }}>
            <UnitSelect
              id="items-filter-unit"
              units={units}
              includeDefunct
              allowClear
              placeholder="Tất cả đơn vị"
              value={filters.unitId ?? null}
              onChange={(unitId) => set({ unitId: unitId ?? undefined })}
              testId="items-filter-unit"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="Sổ" htmlFor="items-filter-book" style={{ marginBottom: 12 }}>
            <Select
              id="items-filter-book"
              allowClear
              placeholder="Tất cả các sổ"
              value={filters.book}
              onChange={(book) => set({ book })}
              options={ITEM_LIST_BOOKS.map((b) => ({ value: b, label: ITEM_LIST_BOOK_LABELS[b], title: ITEM_LIST_BOOK_LABELS[b] }))}
              data-testid="items-filter-book"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="Người đang giữ" htmlFor="items-filter-custodian" style={{ marginBottom: 12 }}>
            <Select
              id="items-filter-custodian"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Bất kỳ ai"
              loading={peopleLoading}
              value={filters.custodianId}
              onChange={(custodianId) => set({ custodianId })}
              options={personOptions}
              data-testid="items-filter-custodian"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            label="Hết thời hạn bảo vệ trước ngày"
            htmlFor="items-filter-protection-end"
            style={{ marginBottom: 12 }}
            validateStatus={dateError ? 'error' : undefined}
            help={dateError ? <span data-testid="items-filter-date-error">{dateError}</span> : undefined}
          >
            <DatePicker
              id="items-filter-protection-end"
              format={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              style={{ width: '100%' }}
              value={filters.protectionEndBefore ? dayjs(filters.protectionEndBefore) : null}
              onChange={(d) => {
                setDateError(undefined);
                set({ protectionEndBefore: toIsoDate(d) });
              }}
              onKeyDown={checkTyped}
              onBlur={checkTyped}
              data-testid="items-filter-protection-end"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label=" " colon={false} style={{ marginBottom: 12 }}>
            <Checkbox checked={!!filters.withoutLocation} onChange={(e) => set({ withoutLocation: e.target.checked || undefined })} data-testid="items-filter-without-location">
              Chưa có nơi lưu giữ
            </Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
