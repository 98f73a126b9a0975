// How each era fact a proposal may override is checked. The table is a
// `Record` over every Era field except `name`, so adding a field to
// models/eras/era.ts does not compile until a proposal's override of it is
// validated too. The enum-like fields list their values as Record keys for
// the same reason: a new DeviceRefcountModel must be added here.
import type { DaxRefcountModel, DeviceRefcountModel, Era, LongtermCoherentRule, MigrateCheckRule, MigrationEntryWaitRef } from '../eras/era.ts';
import { ERRNOS, MEMORY_TYPES, isMemoryType } from '../vocabulary.ts';

/** Returns null when `value` is acceptable, else what was expected. */
type FieldCheck = (value: unknown) => string | null;

const oneOf =
  (values: readonly string[]): FieldCheck =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `one of ${values.map((x) => `'${x}'`).join(', ')}`;

const keysOf = <K extends string>(record: Record<K, true>): readonly K[] => Object.keys(record) as K[];

const DEVICE_REFCOUNT = keysOf<DeviceRefcountModel>({ 'extra-ref': true, 'reset-to-one': true, 'zero-idle': true });
const DAX_REFCOUNT = keysOf<DaxRefcountModel>({ devmap: true, refcounted: true });
const PGMAP_REF = keysOf<Era['pgmapRef']>({ 'per-pfn': true, 'per-alloc': true });
const LONGTERM_COHERENT = keysOf<LongtermCoherentRule>({ pin: true, fail: true, migrate: true, 'migrate-or-fail': true });
const MIGRATE_CHECK = keysOf<MigrateCheckRule>({ 'private-always': true, 'private-only': true, 'device-always': true, 'extra-ref': true });
const MIGRATION_ENTRY_WAIT_REF = keysOf<MigrationEntryWaitRef>({ held: true, 'dropped-before-wait': true, none: true });

const boolean: FieldCheck = (v) => (typeof v === 'boolean' ? null : 'a boolean');
const string: FieldCheck = (v) => (typeof v === 'string' ? null : 'a string');
const errno: FieldCheck = oneOf(ERRNOS);

/** enum memory_type values: `{PRIVATE: 1, COHERENT: 2, …}` (include/linux/memremap.h). */
const enumValues: FieldCheck = (v) => {
  const expected = `an object mapping memory types (${MEMORY_TYPES.join(', ')}) to non-negative integers`;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return expected;
  for (const [type, value] of Object.entries(v)) {
    if (!isMemoryType(type) || typeof value !== 'number' || !Number.isInteger(value) || value < 0) return expected;
  }
  return null;
};

const memoryTypeList: FieldCheck = (v) => (Array.isArray(v) && v.every(isMemoryType) ? null : `an array of memory types (${MEMORY_TYPES.join(', ')})`);

const stringList: FieldCheck = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'an array of strings');

export const ERA_FIELD_CHECKS = {
  title: string,
  enumValues,
  deviceRefcount: oneOf(DEVICE_REFCOUNT),
  daxRefcount: oneOf(DAX_REFCOUNT),
  pgmapRef: oneOf(PGMAP_REF),
  follLongterm: boolean,
  longtermCoherent: oneOf(LONGTERM_COHERENT),
  longtermCoherentErrno: errno,
  fsdaxLongtermUnpinnable: boolean,
  fsdaxVmaLongtermEopnotsupp: boolean,
  chargeMoving: boolean,
  mctgtDevice: memoryTypeList,
  mcHandlesDevicePrivate: boolean,
  mcSkipsMappedNonPresent: boolean,
  migrateCheck: oneOf(MIGRATE_CHECK),
  ownerChecks: boolean,
  deviceExclusive: boolean,
  migrateDeviceRange: boolean,
  memoryFailureDeviceErrno: errno,
  p2pdmaUserMap: boolean,
  migrationEntryWaitRef: oneOf(MIGRATION_ENTRY_WAIT_REF),
  movePagesSkipsZoneDevice: boolean,
  citations: stringList,
} as const satisfies Record<Exclude<keyof Era, 'name'>, FieldCheck>;
