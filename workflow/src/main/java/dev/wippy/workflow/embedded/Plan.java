package dev.wippy.workflow.embedded;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one change of the engine writes (in one transaction) and what it does in memory once that is committed:
 * nothing of a step becomes visible outside before its commit (spec 05 §6 G2).
 */
final class Plan {
    private final List<Store.Work> writes = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    void write(Store.Work w) {
        writes.add(w);
    }

    /** A write that must change exactly one row, or the whole plan is refused ({@code why} says what changed). */
    void writeOne(String why, String sql, Object... args) {
        writes.add(tx -> {
            if (tx.exec(sql, args) != 1) {
                throw new Conflict(why);
            }
        });
    }

    void then(Runnable r) {
        afterCommit.add(r);
    }

    Store.Work work() {
        return tx -> {
            for (Store.Work w : writes) {
                w.run(tx);
            }
        };
    }

    void committed() {
        afterCommit.forEach(Runnable::run);
    }

    /** The state a plan was made for changed before it committed (a run closed, a step raced): it is dropped. */
    static final class Conflict extends SQLException {
        Conflict(String message) {
            super(message);
        }
    }
}
