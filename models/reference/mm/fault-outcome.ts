// What a page fault ends in: the frame now mapped at the address, or the
// VM_FAULT_* error class the callers turn into a signal or an errno.
import type { Pfn } from '../../vocabulary.ts';

/**
 * 'oom' — VM_FAULT_OOM (no page could be allocated);
 * 'sigbus' — VM_FAULT_SIGBUS (the backing device is gone or poisoned, the
 *   driver's migrate_to_ram could not bring the page back);
 * 'hwpoison' — VM_FAULT_HWPOISON (a hwpoison entry).
 */
export type FaultError = 'oom' | 'sigbus' | 'hwpoison';

export type FaultOutcome = { readonly ok: true; readonly pfn: Pfn } | { readonly ok: false; readonly error: FaultError };

export const faulted = (pfn: Pfn): FaultOutcome => ({ ok: true, pfn });
export const faultFailed = (error: FaultError): FaultOutcome => ({ ok: false, error });
