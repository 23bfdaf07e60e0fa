import type { CommandModule } from '../main.ts';

// `bmnn watch`: the portal watch of packages/scanner — only on a machine outside the secret
// network (DESIGN.md §2, decision 0020).
const command: CommandModule = {
  summary: 'Theo dõi cổng thông tin: tải và kiểm tra những gì đã đăng',
  async run(argv) {
    const { runWatchCli } = await import('@bmnn/scanner/watch');
    try {
      return await runWatchCli(argv);
    } catch (error) {
      process.stderr.write(`Lỗi nội bộ khi theo dõi: ${(error as Error).message}\n`);
      return 3;
    }
  },
};
export default command;
