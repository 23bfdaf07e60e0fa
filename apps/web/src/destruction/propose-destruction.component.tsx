import { DeleteOutlined } from '@ant-design/icons';
import type { Item } from '@bmnn/contracts';
import { App, Button, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../api/api.client.ts';
import { destructionApi } from './destruction.api.ts';

/** Statuses in which the server accepts an item on a destruction list (destruction.usecases DESTROYABLE). */
const DESTROYABLE = new Set(['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED', 'RECEIVED_TAMPERED', 'DECLASSIFIED']);

/**
 * The bulk action of the item list (R10.4, a batch the law allows): the chosen items of one unit
 * become the proposal list of a new destruction case, which opens on the "Tiêu hủy" page.
 */
export function ProposeDestructionButton({ items, onDone }: { items: Item[]; onDone: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const units = new Set(items.map((i) => i.unitId));
  const blocked = items.find((i) => !DESTROYABLE.has(i.status));
  const problem = items.length === 0 ? 'Chọn tài liệu trong danh sách' : units.size > 1 ? 'Chỉ lập danh sách cho tài liệu của cùng một đơn vị' : blocked ? `Tài liệu ${blocked.soKyHieu} không ở trạng thái được đề nghị tiêu hủy` : null;

  const propose = async () => {
    setSaving(true);
    try {
      const { caseId } = await destructionApi.propose({ unitId: items[0]!.unitId, itemIds: items.map((i) => i.id) });
      void message.success(`Đã lập danh sách đề nghị tiêu hủy ${items.length} tài liệu`);
      onDone();
      navigate(`/destruction?case=${caseId}`);
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setSaving(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <Tooltip title={problem}>
        <Button danger icon={<DeleteOutlined />} disabled={problem !== null} onClick={() => setConfirming(true)} data-testid="items-propose-destruction">
          Đề nghị tiêu hủy{items.length ? ` (${items.length})` : ''}
        </Button>
      </Tooltip>
      <Modal
        open={confirming}
        title="Lập danh sách tài liệu đề nghị tiêu hủy"
        okText="Lập danh sách"
        cancelText="Hủy"
        okButtonProps={{ danger: true, 'data-testid': 'propose-destruction-submit' }}
        confirmLoading={saving}
        onOk={() => void propose()}
        onCancel={() => setConfirming(false)}
      >
        <Typography.Paragraph>
          Danh sách gồm: <strong>{items.map((i) => i.soKyHieu).join(', ')}</strong>.
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          Sau đó lãnh đạo thành lập Hội đồng tiêu hủy, Hội đồng họp xét, người có thẩm quyền quyết định, rồi lập biên bản tiêu hủy (R10.4).
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
