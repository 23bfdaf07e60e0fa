import type { Role } from '@bmnn/contracts';

// Which buttons the web shows; the server decides for real and answers an error otherwise.
const has = (roles: readonly Role[], ...wanted: Role[]) => roles.some((r) => wanted.includes(r));

export const canManageUnits = (roles: readonly Role[]) => has(roles, 'QUAN_TRI');
export const canManagePeople = (roles: readonly Role[]) => has(roles, 'QUAN_TRI', 'CAN_BO_BAO_MAT');
export const canManageAccounts = (roles: readonly Role[]) => has(roles, 'QUAN_TRI');
export const canManageSecretWork = (roles: readonly Role[]) => has(roles, 'CAN_BO_BAO_MAT', 'LANH_DAO');
export const canManageDevices = (roles: readonly Role[]) => has(roles, 'CAN_BO_BAO_MAT', 'LANH_DAO');
export const canHandleIncidents = (roles: readonly Role[]) => has(roles, 'CAN_BO_BAO_MAT', 'LANH_DAO', 'BAN_CHI_DAO');
export const canManageTraining = (roles: readonly Role[]) => has(roles, 'CAN_BO_BAO_MAT', 'LANH_DAO');
export const canManageMeetings = (roles: readonly Role[]) => has(roles, 'CAN_BO_BAO_MAT', 'LANH_DAO');
