// The `bmnn` command: dispatches to one module per sub-command, loaded lazily so that
// `bmnn scan` does not load the server and `bmnn serve` does not load the scanner.

export type CommandModule = {
  /** One Vietnamese line for the overview printed by `bmnn --help`. */
  summary: string;
  run: (argv: string[]) => Promise<number>;
};

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  serve: () => import('./commands/serve.command.ts').then((m) => m.default),
  migrate: () => import('./commands/migrate.command.ts').then((m) => m.default),
  unit: () => import('./commands/unit.command.ts').then((m) => m.default),
  user: () => import('./commands/user.command.ts').then((m) => m.default),
  audit: () => import('./commands/audit.command.ts').then((m) => m.default),
  backup: () => import('./commands/backup.command.ts').then((m) => m.default),
  restore: () => import('./commands/restore.command.ts').then((m) => m.default),
  demo: () => import('./commands/demo.command.ts').then((m) => m.default),
  scan: () => import('./commands/scan.command.ts').then((m) => m.default),
  watch: () => import('./commands/watch.command.ts').then((m) => m.default),
};

export const EXIT_USAGE = 3;

function printOverview(): void {
  const lines = [
    'bmnn — Hệ thống quản lý công tác bảo vệ bí mật nhà nước',
    '',
    'Cách dùng: bmnn <lệnh> [tham số]   (bmnn <lệnh> --help để xem chi tiết)',
    '',
    'Các lệnh:',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function printCommandList(): Promise<void> {
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { summary } = await load();
    process.stdout.write(`  ${name.padEnd(10)} ${summary}\n`);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    printOverview();
    await printCommandList();
    return name ? 0 : EXIT_USAGE;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Lệnh không tồn tại: ${name}. Gõ "bmnn --help" để xem danh sách lệnh.\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  return command.run(rest);
}
