package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.process.Execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL resources an execution holds (spec 08 §0): when it ends, open transactions are rolled back, statements
 * closed and database handles released, in that order. Kept in the Lua state's registry, out of reach of Lua code.
 */
final class Owned {
    /** Something to end when its execution does; lower ranks end first. */
    interface Resource {
        void end();

        /** Transactions (0) end before statements (1), which end before database handles (2). */
        int rank();
    }

    private static final LuaString KEY = LuaString.of("wippy.sql.owned");

    private final Set<Resource> resources = new LinkedHashSet<>();

    private Owned() {
    }

    /** The resources of the execution of {@code s}; outside an execution nothing is tracked. */
    static Owned of(LuaState s) {
        if (s.registry().getStr(KEY) instanceof LuaUserdata u && u.payload() instanceof Owned o) {
            return o;
        }
        Owned o = new Owned();
        s.registry().putStr(KEY, new LuaUserdata(o, null));
        Execution e = Execution.of(s);
        if (e != null) {
            e.onExit(o::endAll);
        }
        return o;
    }

    synchronized void add(Resource r) {
        resources.add(r);
    }

    synchronized void remove(Resource r) {
        resources.remove(r);
    }

    private void endAll() {
        List<Resource> all;
        synchronized (this) {
            all = new ArrayList<>(resources);
            resources.clear();
        }
        all.sort(Comparator.comparingInt(Resource::rank));
        for (Resource r : all) {
            r.end();
        }
    }
}
