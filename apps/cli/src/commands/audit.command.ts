import { AUDIT_BREAK_LABELS } from '@bmnn/contracts';
import { findUnitByCode, verifyAudit } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { EXIT, out, parse, runCommand, UsageError, withContext } from '../cli-support.ts';

const HELP = `bmnn audit verify [--unit MÃ_ĐƠN_VỊ] [--format text|json]

Kiểm tra chuỗi băm của nhật ký kiểm toán (mỗi đơn vị một chuỗi). Báo bản ghi hỏng đầu tiên và
kiểu can thiệp: bị sửa, bị xóa, bị chèn thêm, bị đổi thứ tự.
Mã thoát: 0 toàn vẹn, 1 phát hiện can thiệp, 2/3 lỗi.`;

const command: CommandModule = {
  summary: 'Kiểm tra tính toàn vẹn của nhật ký',
  run: async (argv) => {
    const [sub, ...rest] = argv;
    const { values } = parse(rest, { unit: { type: 'string' }, format: { type: 'string' } });
    return runCommand(HELP, values.help === true || sub === '--help' || sub === '-h', async () => {
      if (sub !== 'verify') throw new UsageError(sub ? `Không có lệnh con "${sub}"` : 'Thiếu lệnh con (verify)');
      return withContext(async (ctx) => {
        let unitId: string | undefined;
        if (values.unit) {
          const unit = await findUnitByCode(ctx, values.unit);
          if (!unit) throw new UsageError(`Không tìm thấy đơn vị có mã ${values.unit}`);
          unitId = unit.id;
        }
        const { reports } = await verifyAudit(ctx, { actor: null, unitId });
        if (values.format === 'json') out(JSON.stringify({ reports }, null, 2));
        else {
          for (const r of reports) {
            if (r.ok) out(`✓ ${r.chainName}: ${r.records} bản ghi, toàn vẹn`);
            else out(`✗ ${r.chainName}: ${AUDIT_BREAK_LABELS[r.firstBreak!.kind]} tại bản ghi số ${r.firstBreak!.seq}${r.firstBreak!.recordId ? ` (${r.firstBreak!.recordId})` : ''}`);
          }
          const broken = reports.filter((r) => !r.ok).length;
          out(broken ? `Phát hiện can thiệp ở ${broken}/${reports.length} chuỗi nhật ký.` : `Tất cả ${reports.length} chuỗi nhật ký toàn vẹn.`);
        }
        return reports.every((r) => r.ok) ? EXIT.OK : EXIT.CHECK_FAILED;
      });
    });
  },
};
export default command;
