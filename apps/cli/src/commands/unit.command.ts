import { CREATABLE_UNIT_KINDS, UNIT_KIND_LABELS, formatDate, type UnitKind } from '@bmnn/contracts';
import { createUnit, findUnitByCode, listUnits } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { EXIT, out, parse, required, runCommand, UsageError, withContext } from '../cli-support.ts';

const HELP = `bmnn unit list [--format text|json] [--all]
bmnn unit create --code MÃ --name TÊN --kind LOẠI [--parent MÃ_ĐƠN_VỊ_CHA]

  list     liệt kê đơn vị (--all: gồm cả đơn vị đã chấm dứt hoạt động)
  create   tạo đơn vị; LOẠI là một trong:
${CREATABLE_UNIT_KINDS.map((k) => `             ${k.padEnd(20)} ${UNIT_KIND_LABELS[k as UnitKind]}`).join('\n')}`;

const command: CommandModule = {
  summary: 'Liệt kê, tạo đơn vị',
  run: async (argv) => {
    const [sub, ...rest] = argv;
    const { values } = parse(rest, { format: { type: 'string' }, all: { type: 'boolean' }, code: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' }, parent: { type: 'string' } });
    return runCommand(HELP, values.help === true || sub === '--help' || sub === '-h', async () => {
      if (sub === 'list') {
        const format = values.format ?? 'text';
        if (format !== 'text' && format !== 'json') throw new UsageError('--format chỉ nhận text hoặc json');
        const { units } = await withContext((ctx) => listUnits(ctx, { includeDefunct: values.all === true }));
        if (format === 'json') {
          out(JSON.stringify({ units }, null, 2));
          return EXIT.OK;
        }
        // Depth-first, children by code: the printout reads as the tree.
        const children = new Map<string | null, typeof units>();
        const ids = new Set(units.map((u) => u.id));
        for (const u of units) {
          const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
          children.set(key, [...(children.get(key) ?? []), u]);
        }
        const walk = (parent: string | null, depth: number) => {
          for (const u of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
            const defunct = u.validTo ? ` [chấm dứt từ ${formatDate(u.validTo)}]` : '';
            out(`${'  '.repeat(depth)}${u.code}  ${u.name}  (${UNIT_KIND_LABELS[u.kind]})${defunct}`);
            walk(u.id, depth + 1);
          }
        };
        walk(null, 0);
        out(`Tổng số: ${units.length} đơn vị`);
        return EXIT.OK;
      }
      if (sub === 'create') {
        return withContext(async (ctx) => {
          let parentId: string | null = null;
          if (values.parent) {
            const parent = await findUnitByCode(ctx, values.parent);
            if (!parent) throw new UsageError(`Không tìm thấy đơn vị cha có mã ${values.parent}`);
            parentId = parent.id;
          }
          const { unit } = await createUnit(ctx, { actor: null, input: { code: required(values.code, '--code'), name: required(values.name, '--name'), kind: required(values.kind, '--kind'), parentId } });
          out(`Đã tạo đơn vị ${unit.name} (mã ${unit.code}, định danh ${unit.id})`);
          return EXIT.OK;
        });
      }
      throw new UsageError(sub ? `Không có lệnh con "${sub}"` : 'Thiếu lệnh con (list hoặc create)');
    });
  },
};
export default command;
