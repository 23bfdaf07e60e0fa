import { EditOutlined, NodeIndexOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import type { Unit } from '@bmnn/contracts';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Input, Row, Space, Spin, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { unitsApi } from '../api/api.endpoints.ts';
import { useSession } from '../auth/session.context.tsx';
import { canManageUnits } from '../shell/permissions.ts';
import { UnitDetail } from './unit-detail.component.tsx';
import { UnitFormModal } from './unit-form.component.tsx';
import { UnitDefunctModal, UnitMoveModal } from './unit-lifecycle.component.tsx';
import { buildUnitTree, getFormerNames, isDefunct, type UnitNode } from './unit-tree.ts';
import { useUnits } from './units.hooks.ts';

type Dialog = { name: 'create'; parentId: string | null } | { name: 'edit' | 'move' | 'defunct'; unit: Unit } | null;

function UnitTitle({ unit, successor, isMatch }: { unit: Unit; successor: Unit | undefined; isMatch: boolean }) {
  const defunct = isDefunct(unit);
  return (
    <span data-testid={`unit-node-${unit.code}`} style={defunct ? { color: 'rgba(0,0,0,0.38)' } : undefined}>
      <Typography.Text strong={isMatch} type={defunct ? 'secondary' : undefined} delete={defunct}>
        {unit.name}
      </Typography.Text>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unit.code}
      </Typography.Text>
      {unit.isKeyPost && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          Thiết yếu
        </Tag>
      )}
      {defunct && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
          (đã giải thể{successor ? ` → ${successor.name}` : ''})
        </Typography.Text>
      )}
      {isMatch && getFormerNames(unit).length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
          tên cũ: {getFormerNames(unit).join(', ')}
        </Typography.Text>
      )}
    </span>
  );
}

export function UnitsPage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const canManage = canManageUnits(account.roles);
  const { units, byId, loading, error, reload } = useUnits();
  const [showDefunct, setShowDefunct] = useState(true);
  const [search, setSearch] = useState<{ q: string; ids: Set<string> } | null>(null);
  const [searching, setSearching] = useState(false);
  const [selectedId, setSelectedId] = useState<string>();
  const [detailVersion, setDetailVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);

  const runSearch = async (q: string) => {
    if (!q.trim()) return setSearch(null);
    setSearching(true);
    try {
      const { units: found } = await unitsApi.list({ q, includeDefunct: true });
      setSearch({ q, ids: new Set(found.map((u) => u.id)) });
    } catch (err) {
      message.error(describeError(err));
    } finally {
      setSearching(false);
    }
  };

  const shown = useMemo(() => (showDefunct ? units : units.filter((u) => !isDefunct(u))), [units, showDefunct]);
  const tree = useMemo(() => buildUnitTree(shown, search?.ids), [shown, search]);
  const treeData = useMemo(() => {
    const toData = (node: UnitNode): TreeDataNode => ({
      key: node.unit.id,
      title: (
        <UnitTitle
          unit={node.unit}
          successor={node.unit.successorId ? byId.get(node.unit.successorId) : undefined}
          isMatch={search?.ids.has(node.unit.id) ?? false}
        />
      ),
      children: node.children.map(toData),
    });
    return tree.map(toData);
  }, [tree, byId, search]);

  const onSaved = (unit: Unit, text: string) => {
    setDialog(null);
    message.success(text);
    setSelectedId(unit.id);
    setDetailVersion((v) => v + 1);
    reload();
  };

  const selected = selectedId ? byId.get(selectedId) : undefined;
  // A defunct unit is history: it is shown, not changed.
  const actions = selected && canManage && !isDefunct(selected) && (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setDialog({ name: 'edit', unit: selected })} data-testid="unit-edit">
        Sửa
      </Button>
      <Button icon={<PlusOutlined />} onClick={() => setDialog({ name: 'create', parentId: selected.id })} data-testid="unit-add-child">
        Thêm đơn vị trực thuộc
      </Button>
      <Button icon={<NodeIndexOutlined />} onClick={() => setDialog({ name: 'move', unit: selected })} data-testid="unit-move">
        Chuyển đơn vị cấp trên
      </Button>
      <Button danger icon={<StopOutlined />} onClick={() => setDialog({ name: 'defunct', unit: selected })} data-testid="unit-defunct">
        Giải thể, sáp nhập
      </Button>
    </Space>
  );

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Đơn vị
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card
            title="Cây đơn vị"
            extra={
              canManage && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ name: 'create', parentId: selected && !isDefunct(selected) ? selected.id : null })} data-testid="unit-create">
                  Thêm đơn vị
                </Button>
              )
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.Search
                placeholder="Tìm theo tên, tên cũ hoặc mã (không cần gõ dấu)"
                allowClear
                enterButton="Tìm"
                loading={searching}
                onSearch={(q) => void runSearch(q)}
                data-testid="unit-search"
              />
              <Checkbox checked={showDefunct} onChange={(e) => setShowDefunct(e.target.checked)}>
                Hiện đơn vị đã giải thể
              </Checkbox>
              {search && (
                <Typography.Text type="secondary">
                  {search.ids.size ? `Tìm thấy ${search.ids.size} đơn vị cho “${search.q}”.` : `Không tìm thấy đơn vị nào cho “${search.q}”.`}
                </Typography.Text>
              )}
              <Spin spinning={loading}>
                {treeData.length ? (
                  <Tree
                    key={`${search?.q ?? ''}:${shown.length}`}
                    data-testid="unit-tree"
                    treeData={treeData}
                    defaultExpandAll
                    showLine
                    blockNode
                    selectedKeys={selectedId ? [selectedId] : []}
                    onSelect={(keys) => keys[0] !== undefined && setSelectedId(String(keys[0]))}
                  />
                ) : (
                  !loading && <Empty description="Chưa có đơn vị" />
                )}
              </Spin>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card title="Thông tin đơn vị">
            {selectedId ? (
              <UnitDetail unitId={selectedId} version={detailVersion} byId={byId} actions={actions} />
            ) : (
              <Empty description="Chọn một đơn vị trên cây để xem chi tiết" />
            )}
          </Card>
        </Col>
      </Row>
      {dialog?.name === 'create' && (
        <UnitFormModal parentId={dialog.parentId} units={units} onClose={() => setDialog(null)} onSaved={(u) => onSaved(u, 'Đã thêm đơn vị')} />
      )}
      {dialog?.name === 'edit' && (
        <UnitFormModal unit={dialog.unit} units={units} onClose={() => setDialog(null)} onSaved={(u) => onSaved(u, 'Đã lưu thay đổi')} />
      )}
      {dialog?.name === 'move' && (
        <UnitMoveModal unit={dialog.unit} units={units} onClose={() => setDialog(null)} onSaved={(u) => onSaved(u, 'Đã chuyển đơn vị')} />
      )}
      {dialog?.name === 'defunct' && (
        <UnitDefunctModal unit={dialog.unit} units={units} onClose={() => setDialog(null)} onSaved={(u) => onSaved(u, 'Đã ghi nhận giải thể, sáp nhập')} />
      )}
    </>
  );
}
