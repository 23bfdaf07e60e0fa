import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanCliIo } from '../src/cli/scan-cli.ts';
import { runWatchCli } from '../src/cli/watch-cli.ts';
import { extractLinks } from '../src/watch/links.ts';
import { isAllowedByRobots, parseRobots } from '../src/watch/robots.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const corpus = (name: string) => readFileSync(join(CORPUS, name));

type Route =
  | { body: string | Buffer; type?: string; etag?: string; lastModified?: string; status?: number; location?: string }
  | ((req: IncomingMessage, res: ServerResponse) => void);

type Site = { url: string; routes: Record<string, Route>; requests: { path: string; headers: IncomingHttpHeaders; at: number }[]; close: () => Promise<void> };

const sites: Site[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** A portal on 127.0.0.1 (random port) that records every request. */
async function startSite(routes: Record<string, Route>): Promise<Site> {
  const requests: Site['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers, at: performance.now() });
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body>Không tìm thấy</body></html>');
      return;
    }
    if (typeof route === 'function') return route(req, res);
    if (route.etag && req.headers['if-none-match'] === route.etag) {
      res.writeHead(304, { etag: route.etag }).end();
      return;
    }
    if (route.lastModified && req.headers['if-modified-since'] === route.lastModified) {
      res.writeHead(304, { 'last-modified': route.lastModified }).end();
      return;
    }
    res.writeHead(route.status ?? 200, {
      'content-type': route.type ?? 'application/octet-stream',
      ...(route.etag ? { etag: route.etag } : {}),
      ...(route.lastModified ? { 'last-modified': route.lastModified } : {}),
      ...(route.location ? { location: route.location } : {}),
    });
    res.end(route.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const site: Site = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
  sites.push(site);
  return site;
}

const page = (body: string) => ({ body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title></head><body>${body}</body></html>`, type: 'text/html; charset=utf-8' });

type JsonFile = { url: string; path: string; kind: string; foundOn: string | null; status: number | null; changed: string; reused: boolean; decision: string; type: string; findings: { ruleId: string }[]; problems: { code: string; message: string }[] };
type JsonReport = { tool: string; summary: Record<string, unknown>; files: JsonFile[]; gone: { url: string; lastDecision: string }[]; skipped: { url: string; reason: string }[] };

async function watch(args: string[], dir = tempDir('bmnn-watch-test-'), { isTty = false } = {}) {
  let stdout = '';
  let stderr = '';
  const io: ScanCliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty, cwd: dir };
  const code = await runWatchCli(['--jobs', '1', '--no-ocr', '--delay', '0', '--cache-dir', join(dir, '.cache'), ...args], io);
  const json = () => JSON.parse(stdout) as JsonReport;
  const file = (url: string) => {
    const found = json().files.find((f) => f.url === url);
    if (!found) throw new Error(`no result for ${url}`);
    return found;
  };
  return { code, stdout, stderr, dir, json, file };
}

describe('robots.txt and links', () => {
  it('applies the bmnn-watch group over the * group, longest match first, Allow on a tie', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: bmnn-watch\nDisallow: /noi-bo/\nAllow: /noi-bo/cong-khai/\nDisallow: /*.xls$\n');
    expect(isAllowedByRobots(robots, 'http://a/tin-tuc/')).toBe(true);
    expect(isAllowedByRobots(robots, 'http://a/noi-bo/bao-cao.pdf')).toBe(false);
    expect(isAllowedByRobots(robots, 'http://a/noi-bo/cong-khai/a.pdf')).toBe(true);
    expect(isAllowedByRobots(robots, 'http://a/so-lieu.xls')).toBe(false);
    expect(isAllowedByRobots(robots, 'http://a/so-lieu.xlsx')).toBe(true);
    const star = parseRobots('User-agent: Googlebot\nDisallow: /\nUser-agent: *\nDisallow: /rieng\nDisallow:\n');
    expect(isAllowedByRobots(star, 'http://a/rieng/x')).toBe(false);
    expect(isAllowedByRobots(star, 'http://a/cong-khai')).toBe(true);
  });

  it('follows a, area, iframe, embed and object links, resolved and without fragments; never mailto:, javascript: or bare fragments', () => {
    const html =
      '<html><body><a href="van-ban/a.pdf#trang-2">a</a><a href="/van-ban/a.pdf">a again</a><a href="#top">top</a>' +
      '<a href="mailto:vanthu@tinh.gov.vn">mail</a><a href="javascript:void(0)">js</a><a href="tel:0123">tel</a>' +
      '<iframe src="/xem/b.pdf"></iframe><embed src="c.docx"><object data="d.xlsx"></object><area href="https://khac.vn/e.pdf">' +
      '</body></html>';
    expect(extractLinks({ bytes: Buffer.from(html), pageUrl: 'http://cong.vn/tin/bai.html' })).toEqual([
      'http://cong.vn/tin/van-ban/a.pdf',
      'http://cong.vn/van-ban/a.pdf',
      'http://cong.vn/xem/b.pdf',
      'http://cong.vn/tin/c.docx',
      'http://cong.vn/tin/d.xlsx',
      'https://khac.vn/e.pdf',
    ]);
  });
});

describe('bmnn watch', { timeout: 90_000 }, () => {
  it('crawls the portal, blocks a stamped document and a stamped page with their URL and referring page, and stays on the portal', async () => {
    const other = await startSite({ '/bi-mat.docx': { body: corpus('p01-stamp-under-number.docx') } });
    let largeSent = 0;
    const largeTotal = 50 * 1024 * 1024;
    let slowClosed = false;
    const site = await startSite({
      '/robots.txt': { body: 'User-agent: *\nDisallow: /rieng/\n', type: 'text/plain' },
      '/': page(
        '<h1>Cổng thông tin điện tử tỉnh</h1><p>Tin tức, văn bản.</p>' +
          '<a href="/tin-tuc/">Tin tức</a><a href="/van-ban/quyet-dinh.docx">Quyết định</a><a href="van-ban/luat.pdf">Luật</a>' +
          '<a href="/thong-bao.html">Thông báo</a><a href="mailto:vanthu@tinh.gov.vn">Thư</a><a href="javascript:void(0)">In</a><a href="#dau-trang">Đầu trang</a>' +
          `<a href="OTHER/bi-mat.docx">Trang khác</a><a href="/rieng/bao-cao.docx">Nội bộ</a>` +
          '<a href="/van-ban/khong-co.pdf">Văn bản đã gỡ</a><a href="/van-ban/cham.pdf">Chậm</a><a href="/van-ban/lon.pdf">Lớn</a>' +
          '<a href="/van-ban/khai-lon.zip">Khai báo lớn</a>',
      ),
      '/tin-tuc/': page('<p>Tin mới</p><a href="/">Trang chủ</a><a href="../van-ban/quyet-dinh.docx#trang-2">Quyết định</a>'),
      '/van-ban/quyet-dinh.docx': { body: corpus('p01-stamp-under-number.docx') },
      '/van-ban/luat.pdf': { body: corpus('n01-law-levels.pdf'), type: 'application/pdf' },
      '/thong-bao.html': { body: corpus('h01-stamp.html'), type: 'text/html; charset=utf-8' },
      '/rieng/bao-cao.docx': { body: corpus('p01-stamp-under-number.docx') },
      '/van-ban/cham.pdf': (_req, res) => {
        const timer = setTimeout(() => res.writeHead(200).end(corpus('n01-law-levels.pdf')), 3_000);
        res.on('close', () => {
          slowClosed = true;
          clearTimeout(timer);
        });
      },
      '/van-ban/lon.pdf': (_req, res) => {
        // No Content-Length: the watch must count the bytes itself and stop reading.
        res.writeHead(200, { 'content-type': 'application/pdf' });
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        const pump = () => {
          while (largeSent < largeTotal && !res.destroyed) {
            largeSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        pump();
      },
      '/van-ban/khai-lon.zip': (_req, res) => {
        // Declared too large: refused from its Content-Length before any byte is read.
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(largeTotal) });
        res.write(Buffer.alloc(1024));
      },
    });
    const index = site.routes['/'] as { body: string };
    index.body = index.body.replace('OTHER', other.url);

    const { code, json, file, stderr } = await watch([`${site.url}/`, '--format', 'json', '--timeout', '0.5', '--max-size', '1']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = json();
    expect(report.tool).toBe('bmnn-watch');

    expect(file(`${site.url}/van-ban/quyet-dinh.docx`)).toMatchObject({ kind: 'file', type: 'docx', decision: 'block', foundOn: `${site.url}/`, status: 200, changed: 'new' });
    expect(file(`${site.url}/van-ban/quyet-dinh.docx`).findings[0]?.ruleId).toBe('bmnn.level-stamp');
    expect(file(`${site.url}/van-ban/luat.pdf`)).toMatchObject({ kind: 'file', type: 'pdf', decision: 'pass', problems: [] });
    expect(file(`${site.url}/thong-bao.html`)).toMatchObject({ kind: 'page', type: 'html', decision: 'block' });
    expect(file(`${site.url}/`)).toMatchObject({ kind: 'page', decision: 'pass', foundOn: null });
    expect(file(`${site.url}/tin-tuc/`)).toMatchObject({ kind: 'page', decision: 'pass', foundOn: `${site.url}/` });

    // Network failures are problems to review; the crawl went on past them.
    expect(file(`${site.url}/van-ban/khong-co.pdf`)).toMatchObject({ decision: 'review', status: 404, problems: [{ code: 'fetch.http_error' }] });
    expect(file(`${site.url}/van-ban/khong-co.pdf`).problems[0]?.message).toContain('HTTP 404');
    expect(file(`${site.url}/van-ban/cham.pdf`)).toMatchObject({ decision: 'review', problems: [{ code: 'fetch.timeout' }] });
    expect(slowClosed).toBe(true);
    expect(file(`${site.url}/van-ban/lon.pdf`)).toMatchObject({ decision: 'review', problems: [{ code: 'file.too_large' }] });
    expect(largeSent).toBeLessThan(largeTotal / 2);
    expect(file(`${site.url}/van-ban/khai-lon.zip`)).toMatchObject({ decision: 'review', problems: [{ code: 'file.too_large' }] });
    expect(file(`${site.url}/van-ban/khai-lon.zip`).problems[0]?.message).toContain(`${largeTotal} byte theo máy chủ`);

    // Another host is never requested; robots.txt is obeyed; every URL is requested once.
    expect(other.requests).toEqual([]);
    expect(report.files.some((f) => f.url.startsWith(other.url))).toBe(false);
    expect(site.requests.some((r) => r.path.startsWith('/rieng/'))).toBe(false);
    expect(report.skipped).toEqual([{ url: `${site.url}/rieng/bao-cao.docx`, foundOn: `${site.url}/`, reason: 'robots' }]);
    const paths = site.requests.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths[0]).toBe('/robots.txt');
    for (const r of site.requests) expect(r.headers['user-agent']).toMatch(/^bmnn-watch\/\d+\.\d+\.\d+$/);
    expect(report.files).toHaveLength(9);
    expect(report.summary).toMatchObject({ files: 9, block: 2, review: 4, pass: 3, pages: 3, documents: 6, truncated: false });
  });

  it('writes the text report in Vietnamese with the URL and the page that linked to it', async () => {
    const site = await startSite({
      '/': page('<a href="/van-ban/quyet-dinh.docx">Quyết định</a>'),
      '/van-ban/quyet-dinh.docx': { body: corpus('p01-stamp-under-number.docx') },
    });
    const { code, stdout } = await watch([`${site.url}/`]);
    expect(code).toBe(1);
    expect(stdout).toContain(`[CHẶN] ${site.url}/van-ban/quyet-dinh.docx (docx)\n  Liên kết từ: ${site.url}/\n`);
    expect(stdout).toContain('độ mật: Mật');
    expect(stdout).toContain('Tổng cộng: 2 địa chỉ (1 trang, 1 tài liệu) — 1 phải chặn, 0 cần xem xét, 1 đạt.');
    const terminal = await watch([`${site.url}/`], undefined, { isTty: true });
    expect(terminal.stderr).toMatch(/Đã tải 1 trang, 1 tài liệu · 0 MB · đang chờ quét 0 · 0:\d\d +\n$/);
    expect((await watch([`${site.url}/`, '--no-progress'], undefined, { isTty: true })).stderr).toBe('');
  });

  it('exits 0 when everything passes, 2 when something needs review, 3 on usage errors', async () => {
    const clean = await startSite({ '/': page('<a href="/luat.pdf">Luật</a>'), '/luat.pdf': { body: corpus('n01-law-levels.pdf') } });
    expect((await watch([`${clean.url}/`])).code).toBe(0);
    const broken = await startSite({ '/': page('<a href="/da-go.pdf">Đã gỡ</a>') });
    const review = await watch([`${broken.url}/`]);
    expect(review.code).toBe(2);
    expect(review.stdout).toContain(`[CẦN XEM XÉT] ${broken.url}/da-go.pdf`);
    expect(review.stdout).toContain('Máy chủ trả lời mã lỗi HTTP 404 (không tìm thấy)');

    // Nobody listens on a closed server's port: the connection is refused.
    const gone = await startSite({});
    await gone.close();
    const refused = await watch([`${gone.url}/`, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.file(`${gone.url}/`)).toMatchObject({ decision: 'review', status: null, problems: [{ code: 'fetch.failed' }] });
    expect(refused.file(`${gone.url}/`).problems[0]?.message).toContain('máy chủ từ chối kết nối (ECONNREFUSED)');

    // A run that could check nothing is not a pass.
    const closed = await startSite({ '/robots.txt': { body: 'User-agent: bmnn-watch\nDisallow: /\n', type: 'text/plain' }, '/': page('<p>Trang chủ</p>') });
    const nothing = await watch([`${closed.url}/`]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Không kiểm tra được địa chỉ nào');
    expect(closed.requests.map((r) => r.path)).toEqual(['/robots.txt']);
    expect((await watch([`${closed.url}/`, '--ignore-robots'])).code).toBe(0);

    const ftp = await watch(['ftp://127.0.0.1/tai-lieu/']);
    expect(ftp.code).toBe(3);
    expect(ftp.stderr).toContain('chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://');
    expect((await watch(['file:///etc/passwd'])).code).toBe(3);
    expect((await watch([])).code).toBe(3);
    expect((await watch([`${clean.url}/`, '--max-pages', '0'])).code).toBe(3);
    expect((await watch([`${clean.url}/`, '--format', 'xml'])).code).toBe(3);
    const noBaseline = await watch([`${clean.url}/`, '--baseline', 'khong-co.json']);
    expect([noBaseline.code, noBaseline.stderr]).toEqual([3, expect.stringContaining('Không đọc được tệp đường cơ sở')]);
    const help = await watch(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Cách dùng: bmnn watch');
  });

  it('a redirect to another host is refused and never followed', async () => {
    const other = await startSite({ '/a.docx': { body: corpus('p01-stamp-under-number.docx') } });
    const site = await startSite({ '/': page('<a href="/chuyen">Chuyển</a>'), '/chuyen': { body: '', status: 302, location: `${other.url}/a.docx` } });
    const { code, file } = await watch([`${site.url}/`, '--format', 'json']);
    expect(code).toBe(2);
    expect(file(`${site.url}/chuyen`)).toMatchObject({ decision: 'review', status: 302, problems: [{ code: 'fetch.redirect_refused' }] });
    expect(other.requests).toEqual([]);
    const allowed = await watch([`${site.url}/`, '--format', 'json', '--allow-host', new URL(other.url).host]);
    expect(allowed.code).toBe(1);
    expect(allowed.file(`${site.url}/chuyen`)).toMatchObject({ decision: 'block', type: 'docx' });
  });

  it('waits --delay between two requests to the same host', async () => {
    const site = await startSite({ '/': page('<a href="/a.txt">A</a><a href="/b.txt">B</a>'), '/a.txt': { body: 'Thông báo A' }, '/b.txt': { body: 'Thông báo B' } });
    const { code } = await watch([`${site.url}/`, '--ignore-robots', '--delay', '250']);
    expect(code).toBe(0);
    expect(site.requests.map((r) => r.path)).toEqual(['/', '/a.txt', '/b.txt']);
    for (let i = 1; i < site.requests.length; i++) expect((site.requests[i] as { at: number }).at - (site.requests[i - 1] as { at: number }).at).toBeGreaterThanOrEqual(240);
  });

  it('stops at --max-pages and --max-depth and says the crawl was bounded', async () => {
    const routes: Record<string, Route> = {};
    for (let i = 1; i <= 10; i++) routes[`/trang-${i}.html`] = page(`<p>Trang ${i}</p><a href="/trang-${i + 1}.html">Tiếp</a>`);
    const site = await startSite(routes);
    const bounded = await watch([`${site.url}/trang-1.html`, '--format', 'json', '--max-pages', '3']);
    expect(bounded.code).toBe(0);
    expect(bounded.json().files.map((f) => f.url)).toEqual([1, 2, 3].map((i) => `${site.url}/trang-${i}.html`));
    expect(site.requests.filter((r) => r.path !== '/robots.txt').map((r) => r.path)).toEqual(['/trang-1.html', '/trang-2.html', '/trang-3.html']);
    expect(bounded.json().summary).toMatchObject({ truncated: true, skippedLimit: 1 });
    const text = await watch([`${site.url}/trang-1.html`, '--max-pages', '3']);
    expect(text.stdout).toContain('Dừng theo giới hạn');

    const shallow = await watch([`${site.url}/trang-1.html`, '--format', 'json', '--max-depth', '1']);
    expect(shallow.json().files.map((f) => f.url)).toEqual([1, 2].map((i) => `${site.url}/trang-${i}.html`));
  });

  it('a second run with --state gets 304s and reuses the results, then reports changed, new and gone URLs', async () => {
    const site = await startSite({
      '/': page('<a href="/quyet-dinh.docx">Quyết định</a><a href="/luat.pdf">Luật</a><a href="/cu.pdf">Cũ</a>'),
      '/quyet-dinh.docx': { body: corpus('p01-stamp-under-number.docx'), etag: '"qd-1"' },
      '/luat.pdf': { body: corpus('n01-law-levels.pdf'), lastModified: 'Mon, 30 Nov 2026 01:00:00 GMT' },
      // No validators at all: only the content's hash can tell it did not change.
      '/cu.pdf': { body: corpus('n30-seed-cong-van-UBND-NC-2024.pdf') },
    });
    const dir = tempDir('bmnn-watch-state-');
    const first = await watch([`${site.url}/`, '--format', 'json', '--state', 'trang-thai.json'], dir);
    expect(first.code).toBe(1);
    expect(first.json().files.map((f) => f.changed)).toEqual(['new', 'new', 'new', 'new']);
    expect(JSON.parse(readFileSync(join(dir, 'trang-thai.json'), 'utf8')).urls[`${site.url}/quyet-dinh.docx`]).toMatchObject({ etag: '"qd-1"', kind: 'file' });

    site.requests.length = 0;
    const second = await watch([`${site.url}/`, '--format', 'json', '--state', 'trang-thai.json'], dir);
    expect(second.code).toBe(1);
    expect(site.requests.find((r) => r.path === '/quyet-dinh.docx')?.headers['if-none-match']).toBe('"qd-1"');
    expect(site.requests.find((r) => r.path === '/luat.pdf')?.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 01:00:00 GMT');
    expect(second.file(`${site.url}/quyet-dinh.docx`)).toMatchObject({ status: 304, changed: 'unchanged', reused: true, decision: 'block', type: 'docx' });
    expect(second.file(`${site.url}/luat.pdf`)).toMatchObject({ status: 304, changed: 'unchanged', reused: true, decision: 'pass' });
    expect(second.file(`${site.url}/cu.pdf`)).toMatchObject({ status: 200, changed: 'unchanged', reused: true, decision: 'pass' });
    expect(second.json().summary).toMatchObject({ new: 0, changed: 0, gone: 0, reused: 4 });

    // The decision is replaced by one without a stamp, a new notice is linked, the old document removed.
    site.routes['/'] = page('<a href="/quyet-dinh.docx">Quyết định</a><a href="/luat.pdf">Luật</a><a href="/thong-bao.html">Thông báo</a>');
    site.routes['/quyet-dinh.docx'] = { body: corpus('n02-lookalikes.docx'), etag: '"qd-2"' };
    site.routes['/thong-bao.html'] = { body: corpus('h01-stamp.html'), type: 'text/html' };
    delete site.routes['/cu.pdf'];
    const third = await watch([`${site.url}/`, '--format', 'json', '--state', 'trang-thai.json'], dir);
    expect(third.code).toBe(1);
    expect(third.file(`${site.url}/`)).toMatchObject({ changed: 'changed', reused: false });
    expect(third.file(`${site.url}/quyet-dinh.docx`)).toMatchObject({ status: 200, changed: 'changed', reused: false, decision: 'pass' });
    expect(third.file(`${site.url}/luat.pdf`)).toMatchObject({ changed: 'unchanged', reused: true });
    expect(third.file(`${site.url}/thong-bao.html`)).toMatchObject({ changed: 'new', decision: 'block' });
    expect(third.json().gone).toEqual([expect.objectContaining({ url: `${site.url}/cu.pdf`, lastDecision: 'pass', foundOn: `${site.url}/` })]);

    const text = await watch([`${site.url}/`, '--state', 'trang-thai.json', '--verbose'], dir);
    expect(text.stdout).not.toContain('Không còn thấy');
    site.routes['/'] = page('<a href="/luat.pdf">Luật</a>');
    const fourth = await watch([`${site.url}/`, '--state', 'trang-thai.json', '--verbose'], dir);
    expect(fourth.stdout).toContain('Không còn thấy kể từ lần chạy trước (2):');
    expect(fourth.stdout).toMatch(new RegExp(`- ${site.url}/thong-bao.html — lần trước: CHẶN, kiểm tra ngày \\d\\d/\\d\\d/\\d{4}; liên kết từ: ${site.url}/`));
    expect(fourth.stdout).toContain(`[ĐẠT] ${site.url}/ (html) — đã thay đổi\n  Địa chỉ bắt đầu\n`);
    expect(fourth.stdout).toContain('So với lần trước: 0 mới, 1 đã thay đổi, 2 không còn thấy.');
  });

  it('rejects a state file that is not its own', async () => {
    const dir = tempDir('bmnn-watch-state-');
    writeFileSync(join(dir, 'sai.json'), '{"version":1,"tool":"bmnn-scan","files":[]}');
    const site = await startSite({ '/': page('<p>Trang chủ</p>') });
    const { code, stderr } = await watch([`${site.url}/`, '--state', 'sai.json'], dir);
    expect(code).toBe(3);
    expect(stderr).toContain('không phải tệp trạng thái của bmnn watch');
  });
});
