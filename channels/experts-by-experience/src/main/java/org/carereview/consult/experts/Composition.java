package org.carereview.consult.experts;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The group against its targets: how many selected applicants are active members, by region, age band
 * and kind of experience (a member with several kinds of experience counts once in each).
 */
@Singleton
public class Composition {

    /** One row: the group's label, how many active members it has, and the target. */
    @Serdeable
    public record Row(String code, String label, int active, int target) {
    }

    /** The whole view. */
    @Serdeable
    public record View(int activeMembers, List<Row> byRegion, List<Row> byAgeBand, List<Row> byExperience) {
    }

    private final DecisionStore store;
    private final CompositionTargets targets;

    Composition(DecisionStore store, CompositionTargets targets) {
        this.store = store;
        this.targets = targets;
    }

    @Transactional
    public View view() {
        List<Member> active = store.members().stream().filter(m -> m.status() == MemberStatus.ACTIVE).toList();
        return new View(active.size(),
                rows(Region.values(), Region::name, Region::label, r -> count(active, m -> r.name().equals(m.region())),
                        targets::forRegion),
                rows(AgeBand.values(), AgeBand::name, AgeBand::label, b -> count(active, m -> b.name().equals(m.ageBand())),
                        targets::forAgeBand),
                rows(Experience.values(), Experience::name, Experience::label,
                        e -> count(active, m -> m.experiences().contains(e.name())), targets::forExperience));
    }

    private static <E> List<Row> rows(E[] values, Function<E, String> code, Function<E, String> label,
                                      Function<E, Integer> active, Function<E, Integer> target) {
        List<Row> rows = new ArrayList<>();
        Arrays.stream(values).forEach(v -> rows.add(new Row(code.apply(v), label.apply(v), active.apply(v), target.apply(v))));
        return rows;
    }

    private static int count(List<Member> members, java.util.function.Predicate<Member> test) {
        return (int) members.stream().filter(test).count();
    }
}
