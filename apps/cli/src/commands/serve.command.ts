import { loadConfig, startServer } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { parse, runCommand, UsageError } from '../cli-support.ts';

const HELP = `bmnn serve [--port CỔNG] [--host ĐỊA_CHỈ]

Khởi động máy chủ BMNN (API và giao diện web). Mặc định cổng 3000 (biến PORT), chỉ nghe trên
máy này (127.0.0.1); dùng --host 0.0.0.0 khi phục vụ trong mạng LAN độc lập của cơ quan.
Dữ liệu: thư mục BMNN_DATA_DIR (SQLite), hoặc PostgreSQL khi đặt DATABASE_URL=postgres://…`;

const command: CommandModule = {
  summary: 'Khởi động máy chủ BMNN',
  run: async (argv) => {
    const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } });
    return runCommand(HELP, values.help === true, async () => {
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError('Cổng không hợp lệ');
      const config = loadConfig(process.env, { ...(port === undefined ? {} : { port }), ...(values.host ? { host: values.host } : {}) });
      const { stop } = await startServer({ config });
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      await stop();
      return 0;
    });
  },
};
export default command;
