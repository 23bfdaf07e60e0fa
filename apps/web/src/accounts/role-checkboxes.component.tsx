import { ROLES, ROLE_LABELS, type Role } from '@bmnn/contracts';
import { Checkbox } from 'antd';

const OPTIONS = ROLES.map((r) => ({ value: r, label: <span data-testid={`role-${r}`}>{ROLE_LABELS[r]}</span> }));

/** The roles of an account, one checkbox each (a form control: value/onChange). */
export function RoleCheckboxes({ value, onChange, id }: { value?: Role[]; onChange?: (roles: Role[]) => void; id?: string }) {
  return (
    <div id={id}>
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange?.(v)}
        options={OPTIONS}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
      />
    </div>
  );
}
