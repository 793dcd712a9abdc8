package dev.wippy.data.sql;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.runtime.process.Execution;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The SQL resources an execution holds (spec 08 §0): when it ends, open transactions are rolled back, statements
 * closed and database handles released, in that order. Kept in the Lua state's registry, out of reach of Lua code.
 */
final class Owned {
    /** Something to end when its execution does. */
    interface Resource {
        void end();
    }

    private static final LuaString KEY = LuaString.of("wippy.sql.owned");

    private final Set<Resource> transactions = new LinkedHashSet<>();
    private final Set<Resource> statements = new LinkedHashSet<>();
    private final Set<Resource> handles = new LinkedHashSet<>();

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

    synchronized void addTransaction(Resource r) {
        transactions.add(r);
    }

    synchronized void removeTransaction(Resource r) {
        transactions.remove(r);
    }

    synchronized void addStatement(Resource r) {
        statements.add(r);
    }

    synchronized void removeStatement(Resource r) {
        statements.remove(r);
    }

    synchronized void addHandle(Resource r) {
        handles.add(r);
    }

    synchronized void removeHandle(Resource r) {
        handles.remove(r);
    }

    private void endAll() {
        Resource[] all;
        synchronized (this) {
            Set<Resource> ordered = new LinkedHashSet<>(transactions);
            ordered.addAll(statements);
            ordered.addAll(handles);
            all = ordered.toArray(Resource[]::new);
            transactions.clear();
            statements.clear();
            handles.clear();
        }
        for (Resource r : all) {
            r.end();
        }
    }
}
