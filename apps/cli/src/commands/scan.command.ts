import type { CommandModule } from '../main.ts';

// Placeholder wiring point for `bmnn scan`; the leak checker (issue #5) replaces this file.
const command: CommandModule = {
  summary: 'Quét tệp tìm dấu hiệu bí mật nhà nước',
  async run() {
    process.stderr.write('Lệnh "scan" chưa được cài đặt trong bản này.\n');
    return 3;
  },
};
export default command;
