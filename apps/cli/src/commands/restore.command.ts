import path from 'node:path';
import fs from 'node:fs';
import { BackupFormatError, inTransaction, restoreBackup, SYSTEM_CHAIN } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { EXIT, err, out, parse, readStdinSecret, required, runCommand, UsageError, withContext } from '../cli-support.ts';

const HELP = `bmnn restore --from TỆP --passphrase-stdin

Khôi phục một bản sao lưu vào thư mục dữ liệu (BMNN_DATA_DIR) hoặc cơ sở dữ liệu (DATABASE_URL)
mới, còn trống. Từ chối khi sai mật khẩu hoặc tệp bị hỏng; kiểm tra chuỗi nhật ký sau khi khôi phục
và không ghi gì nếu nhật ký không toàn vẹn.`;

const command: CommandModule = {
  summary: 'Khôi phục dữ liệu từ bản sao lưu',
  run: async (argv) => {
    const { values } = parse(argv, { from: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' } });
    return runCommand(HELP, values.help === true, async () => {
      const file = path.resolve(required(values.from, '--from'));
      if (!fs.existsSync(file)) throw new UsageError(`Không tìm thấy tệp ${file}`);
      if (!values['passphrase-stdin']) throw new UsageError('Mật khẩu sao lưu phải truyền qua đầu vào chuẩn với --passphrase-stdin');
      const passphrase = await readStdinSecret('Mật khẩu sao lưu');
      return withContext(async (ctx) => {
        try {
          const { counts, reports, files } = await restoreBackup(ctx, { file, passphrase });
          await inTransaction(ctx, ({ audit }) => audit({ type: 'backup.restored', chain: SYSTEM_CHAIN, actorId: null, data: { file: path.basename(file) } }));
          out(`Đã khôi phục: ${counts.units ?? 0} đơn vị, ${counts.people ?? 0} cán bộ, ${counts.accounts ?? 0} tài khoản, ${counts.audit_records ?? 0} bản ghi nhật ký, ${files} tệp.`);
          out(`Nhật ký kiểm toán: ${reports.length} chuỗi, tất cả toàn vẹn.`);
          return EXIT.OK;
        } catch (error) {
          if (error instanceof BackupFormatError) {
            err(error.message);
            return EXIT.REFUSED;
          }
          throw error;
        }
      });
    });
  },
};
export default command;
