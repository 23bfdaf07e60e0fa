import type { CommandModule } from '../main.ts';

// `bmnn scan`: the leak checker of packages/scanner (issue #5).
const command: CommandModule = {
  summary: 'Quét tệp tìm dấu hiệu bí mật nhà nước',
  async run(argv) {
    const { runScanCli } = await import('@bmnn/scanner/cli');
    try {
      return await runScanCli(argv);
    } catch (error) {
      process.stderr.write(`Lỗi nội bộ khi quét: ${(error as Error).message}\n`);
      return 3;
    }
  },
};
export default command;
