package io.careroute.planning.recommend;

import java.util.List;

import io.careroute.data.i18n.Text;

/**
 * The best ways to fit one new visit into a published plan, best first, with the published plan's score as
 * recomputed (what every {@link Slot#scoreDelta()} is counted from).
 *
 * @param visitId   the new visit's id
 * @param score     the published plan's score, recomputed from the problem and the plan's order of tasks
 * @param slots     the best fits, best first; empty when none keeps the plan's hard score
 * @param tried     the (worker, position) fits evaluated with the solver's score
 * @param reason    why {@code slots} is empty, else null
 */
public record Recommendations(String visitId, String score, List<Slot> slots, int tried, Text reason) {
}
