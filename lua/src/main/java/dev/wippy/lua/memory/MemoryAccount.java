package dev.wippy.lua.memory;

import dev.wippy.lua.vm.LuaState;

import java.util.ArrayList;
import java.util.List;

/**
 * What one Lua state holds, as the engine counts it, and the state's limit.
 *
 * <p>Allocation points (a table made or grown, a string built, a closure or coroutine made, a module's userdata)
 * charge their size to the state ({@link LuaState#charge}), which takes it from an allowance held in a plain field
 * of the state: one subtract and one compare, and no account at all for a state that never uses up its first
 * allowance and has no limit (most processes). Once the allowance is used up the state hands over to this account
 * ({@link #overdrawn}), which adds what was taken to its count, takes a sample or checks the limit, and grants the
 * next allowance: up to the next sample or limit check, whichever comes first.
 *
 * <p>The JVM collects Lua garbage, so the charges alone only ever grow; the count is the bytes live at the last
 * reconciliation plus what was charged since, an upper bound that a loop making and dropping garbage soon pushes
 * past any limit. Only then is it reconciled, by a {@link Walk} of what the state can still reach: its globals,
 * registry and metatables, plus the {@link Samples} that stand in for values held only by running functions'
 * locals. Walking only when the cheap bound passes the limit (and then not again before a quarter of the limit has
 * been charged) keeps the common path cheap and the walks' cost proportional to the allocation that triggers them.
 *
 * <p>A sample the JVM has not yet had a chance to collect may be garbage, so only samples proven live by a
 * collection count. When the walk finds more than the limit, a full collection (at most about 5% of the time,
 * whoever asks) makes the answer exact before the state is ended; when none may run now, proven values decide, and
 * unproven ones wait for the next check. A state is used by one thread at a time, so nothing here is synchronised.
 */
public final class MemoryAccount {
    /** Off only to measure what the accounting costs ({@code -Dwippy.lua.accounting=false}): no count, no limit. */
    public static final boolean ENABLED = !"false".equals(System.getProperty("wippy.lua.accounting"));
    /** Bytes charged between two samples; also a new state's first allowance. */
    public static final long SAMPLE_INTERVAL = 64 * 1024;
    /** After a walk under the limit, the next comes after at least limit/HEADROOM more bytes charged. */
    private static final long HEADROOM = 4;
    /** What {@code collectgarbage()} may take on trust from samples without running the JVM's collector. */
    private static final long UNPROVEN_AT_COLLECTION = 1 << 20;

    private final LuaState state;
    /** Made at the first sample: a state with a limit that never uses up an allowance takes none. */
    private Samples samples;
    /** Everything charged (less what shrinking tables gave back) before the state's current allowance. */
    private long charged;
    /** The allowance the state was last granted: what it has taken of it is {@code granted - its allowance}. */
    private long granted = SAMPLE_INTERVAL;
    private long nextSample = SAMPLE_INTERVAL;
    private long nextLimitCheck = Long.MAX_VALUE;
    /** Bytes found live by the last reconciliation, and the total charged then. */
    private long live;
    private long chargedAtWalk;
    private long limit;
    private boolean exceeded;

    /** The account of {@code state}, made when it first needs one: all it was charged so far is its first allowance's. */
    public MemoryAccount(LuaState state) {
        this.state = state;
    }

    /**
     * The state has used up its allowance; {@code value} is what it just allocated. Counts what was taken, samples
     * or checks the limit when due, and grants the next allowance. Raises {@link MemoryLimitExceeded} when the state
     * holds more than its limit (the allowance stays used up, so every later charge raises too).
     */
    public void overdrawn(Object value) {
        settleAllowance();
        if (exceeded) {
            throw new MemoryLimitExceeded();
        }
        if (charged >= nextSample) {
            if (value != null) {
                samples().add(value);
            }
            nextSample = charged + SAMPLE_INTERVAL;
        }
        if (charged >= nextLimitCheck) {
            enforce();
        }
        grant();
    }

    /** Sets the most the state may hold, in bytes (0: no limit). */
    public void setLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative memory limit");
        }
        settleAllowance();
        limit = bytes;
        rearm();
    }

    public long limit() {
        return limit;
    }

    /** The state's count in bytes: live at the last reconciliation plus what was charged since. */
    public long bytes() {
        settleAllowance();
        return Math.max(0, live + charged - chargedAtWalk);
    }

    /**
     * Reconciles the count with what the state holds, at a full collection ({@code collectgarbage()}): every sample
     * the collector left is live then. When the collection skipped the JVM's collector ({@code jvmCollected} false)
     * and more than {@link #UNPROVEN_AT_COLLECTION} of the count rests on samples, the collector runs after all:
     * samples proven by an older collection may have died since. Raises {@link MemoryLimitExceeded} when what is
     * live is over the limit.
     */
    public void reconcile(boolean jvmCollected) {
        if (!ENABLED) {
            return;
        }
        settleAllowance();
        long cap = limit > 0 ? limit : Long.MAX_VALUE;
        Measured m = measure(cap, true);
        if (!jvmCollected && m.provenBytes() - m.rootBytes() > UNPROVEN_AT_COLLECTION) {
            GcEpochs.collect();
            m = measure(cap, true);
        }
        settle(m.provenBytes());
        if (m.provenOver()) {
            exceed();
        }
    }

    /** Adds what the state took of its allowance to {@link #charged}; the rest stays granted. */
    private void settleAllowance() {
        long left = state.memoryAllowance();
        charged += granted - left;
        granted = left;
    }

    /** Grants the state what it may charge before the next sample or limit check (nothing once exceeded). */
    private void grant() {
        granted = exceeded ? 0 : Math.min(nextSample, nextLimitCheck) - charged;
        state.setMemoryAllowance(granted);
    }

    private Samples samples() {
        if (samples == null) {
            samples = new Samples();
        }
        return samples;
    }

    private void enforce() {
        Measured m = measure(limit, false);
        // a full collection settles it when one may run: it proves the unproven samples, and clears samples the
        // young collections proved but that died since in the old generation (or the state would be ended for them)
        if (m.over() && GcEpochs.collectIfDue()) {
            m = measure(limit, false);
        }
        settle(m.provenBytes());
        if (m.provenOver()) {
            exceed();
        }
    }

    /**
     * A walk's result: the bytes reached from the roots, those proven live (up to the cap), whether they pass it,
     * and whether all found do.
     */
    private record Measured(long rootBytes, long provenBytes, boolean provenOver, boolean over) {}

    private Measured measure(long cap, boolean trustAll) {
        Walk walk = new Walk(cap);
        for (Object root : state.roots()) {
            walk.from(root);
        }
        long rootBytes = walk.bytes();
        List<Object> unproven = new ArrayList<>();
        if (samples != null) {
            samples.split(walk::from, trustAll ? walk::from : unproven::add);
        }
        long provenBytes = walk.bytes();
        boolean provenOver = walk.overCap();
        unproven.forEach(walk::from);
        return new Measured(rootBytes, provenBytes, provenOver, walk.overCap());
    }

    private void settle(long liveBytes) {
        live = liveBytes;
        chargedAtWalk = charged;
        rearm();
    }

    private void exceed() {
        exceeded = true;
        rearm();
        throw new MemoryLimitExceeded();
    }

    private void rearm() {
        if (exceeded) {
            nextLimitCheck = charged;
        } else if (limit == 0) {
            nextLimitCheck = Long.MAX_VALUE;
        } else {
            nextLimitCheck = chargedAtWalk + Math.max(limit - live, limit / HEADROOM);
        }
        grant();
    }
}
