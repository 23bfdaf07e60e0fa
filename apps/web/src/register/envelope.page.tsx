import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Space, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useLoad } from '../api/api.hooks.ts';
import './envelope.css';
import { outgoingApi, type EnvelopeLabel } from './workflow.api.ts';

/** The A/B/C letter is drawn as the round mark; the other stamps are red boxed text. */
const isMark = (stamp: string) => /^[A-C]$/.test(stamp);

function Label({ title, label, testId }: { title: string; label: EnvelopeLabel; testId: string }) {
  const mark = label.stamps.find(isMark);
  return (
    <div className="envelope-label" data-testid={testId}>
      <h4>{title}</h4>
      {mark && (
        <div className="envelope-mark" data-testid={`${testId}-mark`} aria-label={`Dấu chữ ${mark}`}>
          {mark}
        </div>
      )}
      {label.lines.filter(Boolean).map((line) => (
        <div key={line} className="envelope-line">
          {line}
        </div>
      ))}
      {label.stamps.some((s) => !isMark(s)) && (
        <div className="envelope-stamps">
          {label.stamps.filter((s) => !isMark(s)).map((s) => (
            <span key={s} className="envelope-stamp">
              {s}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Nhãn bì (R7.3): for each recipient, the outer envelope with the letter A (Tuyệt mật, and then an
 * inner envelope with the number, the recipient and the level stamp), B (Tối mật) or C (Mật); the
 * "Chỉ người có tên mới được bóc bì" stamp for a named recipient. Printed without the app around it.
 */
export function EnvelopePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const envelope = useLoad(() => outgoingApi.envelope(id), `envelope|${id}`);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/items/${id}`)}>
      Về tài liệu
    </Button>
  );
  if (envelope.loading && !envelope.data) return <Spin />;
  if (!envelope.data) return <Result status="warning" title="Chưa in được nhãn bì" subTitle={envelope.error} extra={back} />;
  const { level, labels } = envelope.data;
  return (
    <div className="envelope-sheet" data-testid="envelope-sheet">
      <Space className="no-print" style={{ marginBottom: 16 }}>
        {back}
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="envelope-print">
          In nhãn bì
        </Button>
      </Space>
      <Typography.Title level={3} className="no-print" style={{ marginTop: 0 }}>
        Nhãn bì tài liệu {level}
      </Typography.Title>
      <Alert
        className="no-print"
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Mỗi tài liệu cho vào một bì riêng; giấy làm bì dai, khó bóc, không nhìn thấu. Tuyệt mật dùng hai lớp bì: bì trong đóng dấu độ mật và niêm phong, bì ngoài đóng dấu chữ A (R7.3)."
      />
      {labels.map((l, i) => (
        <div className="envelope-recipient" key={`${l.recipient}-${i}`} data-testid={`envelope-${i}`}>
          {l.inner && <Label title={labels.length > 1 ? `Bì trong — nơi nhận ${i + 1}` : 'Bì trong'} label={l.inner} testId={`envelope-${i}-inner`} />}
          <Label title={labels.length > 1 ? `Bì ngoài — nơi nhận ${i + 1}` : 'Bì ngoài'} label={l.outer} testId={`envelope-${i}-outer`} />
        </div>
      ))}
    </div>
  );
}
