// The person's saved views of the item list: apply one, save the filters on screen under a name,
// delete one after confirming.
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { savedViewRequest, type SavedView } from '@bmnn/contracts';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { itemListApi } from './items-list.api.ts';
import { filtersKey, hasFilters, toFilters, toQuery, type ItemFilters } from './items-list.query.ts';

export function SavedViews({ filters, onApply }: { filters: ItemFilters; onApply: (filters: ItemFilters) => void }) {
  const { message } = App.useApp();
  const views = useLoad(() => itemListApi.savedViews(), 'saved-views');
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const list = views.data?.views ?? [];
  // The view whose filters are the ones on screen, if any.
  const current = list.find((v) => filtersKey(toFilters(v.query)) === filtersKey(filters));

  const remove = async (view: SavedView) => {
    setDeleting(true);
    try {
      await itemListApi.deleteView(view.id);
      void message.success(`Đã xóa bộ lọc “${view.name}”`);
      views.reload();
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Space wrap>
      <label htmlFor="items-saved-view">Bộ lọc đã lưu</label>
      <Select
        id="items-saved-view"
        style={{ width: 260 }}
        placeholder={list.length ? 'Chọn bộ lọc đã lưu' : 'Chưa lưu bộ lọc nào'}
        loading={views.loading}
        value={current?.id ?? null}
        onChange={(id: string) => {
          const view = list.find((v) => v.id === id);
          if (view) onApply(toFilters(view.query));
        }}
        options={list.map((v) => ({ value: v.id, label: v.name, title: v.name }))}
        data-testid="items-saved-view"
      />
      {current && (
        <Popconfirm
          title={`Xóa bộ lọc “${current.name}”?`}
          description="Chỉ xóa bộ lọc đã lưu, không ảnh hưởng đến tài liệu."
          okText="Xóa"
          cancelText="Không"
          okButtonProps={{ danger: true, loading: deleting, 'data-testid': 'items-saved-view-delete-confirm' }}
          onConfirm={() => remove(current)}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="items-saved-view-delete">
            Xóa bộ lọc đã lưu
          </Button>
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} disabled={!hasFilters(filters)} onClick={() => setSaving(true)} data-testid="items-save-view">
        Lưu bộ lọc
      </Button>
      {saving && (
        <SaveViewModal
          filters={filters}
          onClose={() => setSaving(false)}
          onSaved={(view) => {
            setSaving(false);
            void message.success(`Đã lưu bộ lọc “${view.name}”`);
            views.reload();
          }}
        />
      )}
    </Space>
  );
}

function SaveViewModal({ filters, onClose, onSaved }: { filters: ItemFilters; onClose: () => void; onSaved: (view: SavedView) => void }) {
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const onFinish = async ({ name }: { name: string }) => {
    setBusy(true);
    setError(undefined);
    const query = toQuery(filters);
    // The shared schema checks the name and the filters; the server gets the filters as typed in
    // the address bar (its parser turns them into values itself).
    const outcome = await submitForm({ form, schema: savedViewRequest, values: { name, query }, send: (body) => itemListApi.saveView(body.name, query) });
    setBusy(false);
    if (outcome.ok) onSaved(outcome.result.view);
    else setError(outcome.message);
  };

  return (
    <Modal
      open
      title="Lưu bộ lọc"
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'items-save-view-submit' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label="Tên bộ lọc" name="name" rules={[zodRule(savedViewRequest.shape.name)]}>
          <Input autoFocus maxLength={100} placeholder="Ví dụ: Tối mật đã vào sổ đến" data-testid="items-save-view-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
