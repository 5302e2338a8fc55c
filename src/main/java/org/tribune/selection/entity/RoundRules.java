package org.tribune.selection.entity;

/**
 * A round's settings besides its timeline and quotas.
 *
 * @param shortlistSize how many of the most endorsed nominees go on to the ballot or the pool; 0
 *     sends every accepted nominee through
 * @param minAccountDays a nominee's account must be at least this old when nominated
 * @param minActivity a nominee's activity score (see {@code ActivityScore}) over {@code
 *     activityWindowDays} must reach this floor
 * @param nominationCap once this many nominations stand, the activity floor rises (0: no cap)
 * @param voterMinAccountDays an endorser's or voter's account must be at least this old
 * @param termDays how long a delegate serves
 * @param recallThreshold signatures that recall a delegate (0: no recall)
 */
public record RoundRules(
    int seats,
    int shortlistSize,
    int minAccountDays,
    int minActivity,
    int activityWindowDays,
    int nominationCap,
    int voterMinAccountDays,
    int termDays,
    int recallThreshold) {}
