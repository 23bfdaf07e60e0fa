import path from 'node:path';
import { BackupFormatError, createBackup, inTransaction, SYSTEM_CHAIN } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { EXIT, err, out, parse, readStdinSecret, required, runCommand, UsageError, withContext } from '../cli-support.ts';

const HELP = `bmnn backup --out TỆP --passphrase-stdin

Sao lưu toàn bộ dữ liệu (cơ sở dữ liệu, tệp đính kèm, nhật ký kiểm toán) thành một tệp mã hóa
AES-256-GCM bằng mật khẩu sao lưu đọc từ đầu vào chuẩn. Chạy được khi máy chủ đang hoạt động.
Ví dụ: echo 'mat khau sao luu' | npx bmnn backup --out /media/usb/bmnn-2026-11-23.bak --passphrase-stdin`;

const command: CommandModule = {
  summary: 'Sao lưu dữ liệu (mã hóa)',
  run: async (argv) => {
    const { values } = parse(argv, { out: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' } });
    return runCommand(HELP, values.help === true, async () => {
      const file = path.resolve(required(values.out, '--out'));
      if (!values['passphrase-stdin']) throw new UsageError('Mật khẩu sao lưu phải truyền qua đầu vào chuẩn với --passphrase-stdin');
      const passphrase = await readStdinSecret('Mật khẩu sao lưu');
      if (passphrase.length < 12) throw new UsageError('Mật khẩu sao lưu cần ít nhất 12 ký tự');
      return withContext(async (ctx) => {
        try {
          const { bytes } = await createBackup(ctx, { file, passphrase });
          await inTransaction(ctx, ({ audit }) => audit({ type: 'backup.created', chain: SYSTEM_CHAIN, actorId: null, data: { file: path.basename(file) } }));
          out(`Đã sao lưu vào ${file} (${(bytes / 1024).toFixed(1)} KB).`);
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
