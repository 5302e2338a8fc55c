/**
 * Public Q&amp;A sessions: delegates' inquiries to departments, written answers, live sessions,
 * improvement plans and public timeliness (DESIGN.md §4).
 *
 * <p>Why it is shaped this way:
 *
 * <ul>
 *   <li>The {@code Inquiry} aggregate keeps its whole history as events ({@code InquiryEvent}) and
 *       never overwrites: transfers, holding answers, classifications and corrections are events
 *       beside the state machine ({@code InquiryLifecycle}), and answers are append-only rows (a
 *       correction is a new row that names the answer it corrects).
 *   <li>Overdue and very overdue are derived ({@code Lateness}) from the due date, the priority
 *       date and the department's working-day calendar ({@code WorkingCalendar}) whenever they are
 *       read, so they can never disagree with the calendar or go stale.
 *   <li>Every public event is appended to the response ledger in the same JTA transaction as the
 *       change ({@code boundary.PublicRecord}), after the change's own writes: an event is in the
 *       ledger exactly when it is committed. Entries carry references and department names, never
 *       member ids.
 *   <li>The live session page uses server-sent events through one small class ({@code
 *       boundary.LiveRelay}): a watcher is an open connection, not a thread, and changes are pushed
 *       only after their transaction commits, on every instance: the change is published on the
 *       platform's {@code ClusterEvents} (PostgreSQL LISTEN/NOTIFY, in-JVM on Derby) and each
 *       instance re-reads the state once for its own watchers.
 *   <li>Attachments are added to drafts only, so the submission's ledger leaf seals their SHA-256
 *       digests; what a file may be is one plain policy ({@code control.AttachmentPolicy}).
 *   <li>Responders are scoped to their departments by membership rows, not by the role alone
 *       ({@code boundary.QaAccess}).
 * </ul>
 */
package org.tribune.qa;
