// What a page fault returns to its caller (mm/memory.c handle_mm_fault).
/**
 * VM_FAULT_* outcomes the callers translate: VM_FAULT_OOM (no page could be
 * allocated), VM_FAULT_SIGBUS, VM_FAULT_HWPOISON. GUP turns them into
 * -ENOMEM / -EFAULT / -EHWPOISON (vm_fault_to_errno), the CPU into SIGBUS.
 */
export type FaultError = 'SIGBUS' | 'OOM' | 'HWPOISON';
export type FaultResult = { readonly ok: true; readonly slot: number } | { readonly ok: false; readonly why: FaultError };

export const SIGBUS: FaultResult = { ok: false, why: 'SIGBUS' };
export const OOM: FaultResult = { ok: false, why: 'OOM' };
