import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScanCli, type ScanCliIo } from '../src/cli/scan-cli.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');

async function run(args: string[], files: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'bmnn-cli-'));
  for (const f of files) copyFileSync(join(CORPUS, f), join(dir, f));
  let stdout = '';
  let stderr = '';
  const io: ScanCliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, cwd: dir };
  const jobs = args.includes('--jobs') ? [] : ['--jobs', '1'];
  const code = await runScanCli([...args, ...jobs, '--cache-dir', join(dir, '.cache')], io);
  return { code, stdout, stderr, dir };
}

describe('bmnn scan', { timeout: 60_000 }, () => {
  it('prints help in Vietnamese', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Cách dùng: bmnn scan');
    expect(stdout).toContain('Mã thoát');
  });

  it('exits 3 on usage errors', async () => {
    expect((await run([])).code).toBe(3);
    expect((await run(['.', '--format', 'xml'])).code).toBe(3);
    expect((await run(['khong-co-tep.docx'])).code).toBe(3);
    expect((await run(['.', '--jobs', '0'])).code).toBe(3);
    const badFormat = await run(['.', '--format', 'xml']);
    expect(badFormat.stderr).toContain('Định dạng không hỗ trợ: "xml"');
    const noBaseline = await run(['.', '--baseline', 'khong-co.json']);
    expect([noBaseline.code, noBaseline.stderr]).toEqual([3, expect.stringContaining('Không đọc được tệp đường cơ sở "khong-co.json"')]);
  });

  it('exits 0 when every file passes, 2 when something needs review, 1 when something must be blocked', async () => {
    expect((await run(['.'], ['n02-lookalikes.docx', 'n30-seed-cong-van-UBND-NC-2024.txt'])).code).toBe(0);
    expect((await run(['.'], ['n02-lookalikes.docx', 'r01-recall.docx'])).code).toBe(2);
    const blocked = await run(['.'], ['n02-lookalikes.docx', 'r01-recall.docx', 'p02-header-toi-mat.docx']);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('[CHẶN] p02-header-toi-mat.docx');
    expect(blocked.stdout).toContain('độ mật: Tối mật');
    expect(blocked.stdout).toContain('Tổng cộng: 3 tệp — 1 phải chặn, 1 cần xem xét, 1 đạt.');
  });

  it('writes JSON with path, sha256, type, decision, findings, problems and timings per file', async () => {
    const { stdout } = await run(['.', '--format', 'json'], ['p03-footer-mat.docx', 'x05-encrypted-entry.zip']);
    const report = JSON.parse(stdout) as { files: Record<string, unknown>[] };
    expect(report.files.map((f) => [f['path'], f['decision']])).toEqual([
      ['p03-footer-mat.docx', 'block'],
      ['x05-encrypted-entry.zip', 'review'],
    ]);
    for (const f of report.files) expect(Object.keys(f)).toEqual(expect.arrayContaining(['path', 'sha256', 'type', 'decision', 'findings', 'problems', 'timings']));
  });

  it('writes SARIF 2.1.0 to a file with --out', async () => {
    const { code, dir, stderr } = await run(['.', '--format', 'sarif', '--out', 'ket-qua.sarif'], ['p03-footer-mat.docx']);
    expect(code).toBe(1);
    expect(stderr).toContain('Đã ghi kết quả vào ket-qua.sarif');
    const sarif = JSON.parse(readFileSync(join(dir, 'ket-qua.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'bmnn.level-stamp', level: 'error' });
  });

  it('suppresses findings listed in a baseline', async () => {
    const first = await run(['.', '--format', 'json'], ['p03-footer-mat.docx']);
    writeFileSync(join(first.dir, 'baseline.json'), first.stdout);
    let stdout = '';
    const code = await runScanCli(['.', '--baseline', 'baseline.json', '--jobs', '1', '--no-cache'], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      isTty: false,
      cwd: first.dir,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('0 phải chặn, 0 cần xem xét');
  });

  it('reports a file that exhausts a worker\'s memory as a problem and scans the other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmnn-cli-'));
    writeFileSync(join(dir, 'lon.txt'), 'Dòng văn bản thường số một hai ba bốn năm sáu bảy tám chín mười.\n'.repeat(400_000));
    copyFileSync(join(CORPUS, 'p03-footer-mat.docx'), join(dir, 'p03-footer-mat.docx'));
    let stdout = '';
    const code = await runScanCli(['.', '--format', 'json', '--jobs', '1', '--no-cache', '--max-memory', '40'], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      isTty: false,
      cwd: dir,
    });
    const files = (JSON.parse(stdout) as { files: { path: string; decision: string; problems: { code: string }[] }[] }).files;
    expect(code).toBe(1);
    expect(files.find((f) => f.path === 'lon.txt')).toMatchObject({ decision: 'review', problems: [{ code: 'limit.memory_exceeded' }] });
    expect(files.find((f) => f.path === 'p03-footer-mat.docx')?.decision).toBe('block');
  });

  it('reads unchanged files from the cache on a rescan', async () => {
    const first = await run(['.', '--format', 'json'], ['p01-stamp-under-number.docx', 'n01-law-levels.pdf']);
    let stdout = '';
    await runScanCli(['.', '--format', 'json', '--jobs', '1', '--cache-dir', join(first.dir, '.cache')], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      isTty: false,
      cwd: first.dir,
    });
    expect(JSON.parse(first.stdout).summary.cached).toBe(0);
    expect(JSON.parse(stdout).summary.cached).toBe(2);
  });
});
