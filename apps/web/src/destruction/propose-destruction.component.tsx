import { DeleteOutlined } from '@ant-design/icons';
import type { Item } from '@bmnn/contracts';
import { App, Button, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../api/api.client.ts';
import { findProposalProblem } from './destruction.rules.ts';
import { destructionApi } from './destruction.api.ts';


/**
 * The bulk action of the item list (R10.4, a batch the law allows): the chosen items of one unit
 * become the proposal list of a new destruction case, which opens on the "Tiêu hủy" page.
 */
export function ProposeDestructionButton({ items, onDone }: { items: Item[]; onDone: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const problem = findProposalProblem(items);

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
