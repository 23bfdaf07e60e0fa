import { BulbOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, LEVEL_RANK, type Level } from '@bmnn/contracts';
import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LevelTag } from '../register/register.labels.tsx';
import { danhMucApi, type DanhMucSuggestion } from './danh-muc.api.ts';

/**
 * "Gợi ý danh mục": items of the danh mục BMNN in force that match the text, found by the local
 * rule-based helper (no AI, no outside service). Suggestions only: the person decides.
 */
export function DanhMucSuggest({ text, level }: { text: string | undefined; level: Level | undefined }) {
  const [suggestions, setSuggestions] = useState<DanhMucSuggestion[]>([]);
  const trimmed = (text ?? '').trim();

  useEffect(() => {
    if (trimmed.length < 8) {
      setSuggestions([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      danhMucApi.suggest(trimmed).then(
        (r) => current && setSuggestions(r.suggestions),
        () => current && setSuggestions([]),
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);

  if (suggestions.length === 0) return null;
  // The best match (first) decides the hint; weaker matches are listed without a warning.
  const best = suggestions[0]!.level;
  return (
    <Card
      size="small"
      data-testid="danh-muc-suggestions"
      title={
        <Space>
          <BulbOutlined />
          <span>Gợi ý danh mục BMNN</span>
          <Tag>Gợi ý</Tag>
        </Space>
      }
      style={{ marginBottom: 16, background: '#fffbe6' }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Các mục trong danh mục bí mật nhà nước có nội dung gần với trích yếu. Chỉ để tham khảo; độ mật do người có thẩm quyền quyết định.
      </Typography.Paragraph>
      {level && LEVEL_RANK[best] > LEVEL_RANK[level] && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`Mục gần nhất ở độ ${LEVEL_LABELS[best]}, cao hơn độ mật đã chọn. Hãy đối chiếu dấu độ mật trên tài liệu.`} />
      )}
      <List
        size="small"
        dataSource={suggestions}
        renderItem={(s) => (
          <List.Item key={s.itemId}>
            <Space align="start">
              <LevelTag level={s.level} />
              <span>
                <Typography.Text strong>
                  {s.decisionNumber}, mục {s.itemNo}:
                </Typography.Text>{' '}
                {s.text}
                {s.matched.length > 0 && <Typography.Text type="secondary"> (khớp: {s.matched.join(', ')})</Typography.Text>}
              </span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
