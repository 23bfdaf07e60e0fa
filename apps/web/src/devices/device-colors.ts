import type { DeviceStatus } from '@bmnn/contracts';

export const DEVICE_STATUS_COLORS: Record<DeviceStatus, string> = { IN_STORE: 'default', IN_USE: 'green', REPAIR_EXTERNAL: 'orange', REPURPOSED: 'purple', DISPOSED: 'red' };
