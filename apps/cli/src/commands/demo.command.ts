import { ROLE_LABELS } from '@bmnn/contracts';
import { createDemoProvince } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { EXIT, err, out, parse, runCommand, withContext } from '../cli-support.ts';

const HELP = `bmnn demo

Tạo một tỉnh mẫu để dùng thử và tập huấn: tỉnh Bắc Ninh mới (tỉnh Bắc Giang hợp nhất vào từ
01/7/2025), một số sở, xã, phường, cán bộ và tài khoản cho mọi vai trò. Mọi dữ liệu đều được đánh
dấu là dữ liệu mẫu. Chỉ chạy trên một cơ sở dữ liệu còn trống. Mật khẩu được in ra một lần.`;

const command: CommandModule = {
  summary: 'Tạo dữ liệu mẫu (tỉnh Bắc Ninh)',
  run: async (argv) => {
    const { values } = parse(argv, {});
    return runCommand(HELP, values.help === true, async () =>
      withContext(async (ctx) => {
        try {
          const { units, accounts } = await createDemoProvince(ctx);
          out(`Đã tạo dữ liệu mẫu: ${units} đơn vị, ${accounts.length} tài khoản.`);
          out('');
          out('Tài khoản mẫu (mật khẩu chỉ in ra lần này):');
          for (const a of accounts) out(`  ${a.username.padEnd(20)} ${a.password}   ${a.roles.map((r) => ROLE_LABELS[r]).join(', ')} — ${a.unit}`);
          return EXIT.OK;
        } catch (error) {
          if ((error as Error).message === 'DEMO_NOT_EMPTY') {
            err('Cơ sở dữ liệu đã có dữ liệu: dữ liệu mẫu chỉ tạo trên một thư mục dữ liệu mới (đặt BMNN_DATA_DIR).');
            return EXIT.REFUSED;
          }
          throw error;
        }
      }),
    );
  },
};
export default command;
