import { CLEARANCES, ROLES, ROLE_LABELS, clearanceSchema, passwordSchema, roleSchema, usernameSchema } from '@bmnn/contracts';
import { createPersonWithAccount, findAccountIdByUsername, findUnitByCode, resetPassword } from '@bmnn/server';
import type { CommandModule } from '../main.ts';
import { EXIT, out, parse, readStdinSecret, required, runCommand, UsageError, withContext } from '../cli-support.ts';

const HELP = `bmnn user create --username TÊN --full-name "HỌ TÊN" --unit MÃ_ĐƠN_VỊ --role VAI_TRÒ [--role …] [--clearance MỨC] --password-stdin
bmnn user reset-password --username TÊN

  create           tạo cán bộ và tài khoản; mật khẩu đọc từ đầu vào chuẩn
  reset-password   đặt mật khẩu tạm thời mới (in ra một lần), buộc đổi khi đăng nhập

  VAI_TRÒ: ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ')}
  MỨC được tiếp cận: ${CLEARANCES.join(', ')} (mặc định NONE)

Ví dụ: echo 'Mat-khau-Manh-2026' | npx bmnn user create --username quantri --full-name "Nguyễn Văn A" --unit BN --role QUAN_TRI --password-stdin`;

const command: CommandModule = {
  summary: 'Tạo tài khoản, đặt lại mật khẩu',
  run: async (argv) => {
    const [sub, ...rest] = argv;
    const { values } = parse(rest, {
      username: { type: 'string' },
      'full-name': { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string', multiple: true },
      clearance: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    return runCommand(HELP, values.help === true || sub === '--help' || sub === '-h', async () => {
      if (sub === 'create') {
        const username = usernameSchema.safeParse(required(values.username, '--username'));
        if (!username.success) throw new UsageError(username.error.issues[0]!.message);
        const roles = (values.role ?? []).map((r) => {
          const parsed = roleSchema.safeParse(r);
          if (!parsed.success) throw new UsageError(`Vai trò không hợp lệ: ${r}`);
          return parsed.data;
        });
        if (roles.length === 0) throw new UsageError('Thiếu tham số --role');
        const clearance = clearanceSchema.safeParse(values.clearance ?? 'NONE');
        if (!clearance.success) throw new UsageError(`Mức được tiếp cận không hợp lệ: ${values.clearance}`);
        if (!values['password-stdin']) throw new UsageError('Mật khẩu phải truyền qua đầu vào chuẩn với --password-stdin');
        const password = await readStdinSecret('Mật khẩu');
        const strong = passwordSchema.safeParse(password);
        if (!strong.success) throw new UsageError(strong.error.issues[0]!.message);
        return withContext(async (ctx) => {
          const unitCode = required(values.unit, '--unit');
          const unit = await findUnitByCode(ctx, unitCode);
          if (!unit) throw new UsageError(`Không tìm thấy đơn vị có mã ${unitCode}`);
          const { account } = await createPersonWithAccount(ctx, { username: username.data, fullName: required(values['full-name'], '--full-name'), unitId: unit.id, roles, clearance: clearance.data, password });
          out(`Đã tạo tài khoản ${account.username} (${roles.map((r) => ROLE_LABELS[r]).join(', ')}) tại ${unit.name}`);
          return EXIT.OK;
        });
      }
      if (sub === 'reset-password') {
        return withContext(async (ctx) => {
          const username = required(values.username, '--username').toLowerCase();
          const accountId = await findAccountIdByUsername(ctx, username);
          if (!accountId) {
            process.stderr.write(`Không tìm thấy tài khoản ${username}\n`);
            return EXIT.REFUSED;
          }
          const { temporaryPassword } = await resetPassword(ctx, { actor: null, accountId });
          out(`Mật khẩu tạm thời của ${username}: ${temporaryPassword}`);
          out('Người dùng phải đổi mật khẩu ở lần đăng nhập tới. Mật khẩu này không được lưu ở đâu khác.');
          return EXIT.OK;
        });
      }
      throw new UsageError(sub ? `Không có lệnh con "${sub}"` : 'Thiếu lệnh con (create hoặc reset-password)');
    });
  },
};
export default command;
