export { parseBillingUsage, itemWorld, type BillingUsage } from './billing';
export { parseCopilotInternalUser, planFromInternal, type InternalUsage } from './internal-user';
export { buildSnapshot, type SnapshotInput } from './snapshot';
export { nextPeriodStart, parseResetDate, periodOf } from './values';
