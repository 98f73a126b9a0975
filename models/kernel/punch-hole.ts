// A task asleep in a hole punch of a DAX file (KFile.punch): inside
// xfs_break_dax_layouts / ext4_break_layouts / dax_break_layout, in
// ___wait_var_event(page, dax_page_is_idle(page)) — see dax-break-layout.ts.
export interface PunchHole {
  readonly index: number;
  readonly npages: number;
  /** The slot of the busy page it waits on. */
  waitOn: number;
  /** wake_up_var ran for that page: the task runs again when the current operation returns. */
  woken: boolean;
}
