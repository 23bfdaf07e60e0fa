import { loadConfig, migrateToLatest, openDatabase } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { out, parse, runCommand } from '../cli-support.ts';

const HELP = `bmnn migrate

Áp dụng các thay đổi cấu trúc cơ sở dữ liệu còn thiếu (bmnn serve cũng tự làm việc này).`;

const command: CommandModule = {
  summary: 'Cập nhật cấu trúc cơ sở dữ liệu',
  run: async (argv) => {
    const { values } = parse(argv, {});
    return runCommand(HELP, values.help === true, async () => {
      const config = loadConfig();
      const handle = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        const { applied } = await migrateToLatest(handle.db);
        out(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
      } finally {
        await handle.close();
      }
      return 0;
    });
  },
};
export default command;
