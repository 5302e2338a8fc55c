/**
 * Selection: how a community chooses its delegates, by STV election or by stratified sortition.
 *
 * <p>The counting rules are what members must be able to trust, so they live in {@code control} as
 * plain Java with no container, no database and no clock: {@link
 * org.tribune.selection.control.MeekStv} counts a {@link org.tribune.selection.control.BallotFile}
 * the way OpenSTV and OpaVote count Stack Exchange elections, and {@link
 * org.tribune.selection.control.BltFormat} reads and writes the {@code .blt} files those tools
 * exchange. Anyone can take a published {@code .blt}, its SHA-256 and the seed and recount with
 * another tool; the report is round by round so a disagreement can be located to the round and the
 * candidate. Rounding is fixed point (integers in units of 10⁻⁶) rather than floating point because
 * a recount must match to the last unit, on any machine.
 */
package org.tribune.selection;
