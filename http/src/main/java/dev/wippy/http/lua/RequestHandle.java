package dev.wippy.http.lua;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.LuaUserdata;
import dev.wippy.http.server.Exchange;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.values.Transferable;

/**
 * The request in a handler's context. Context values travel to the functions and processes the handler starts, so
 * the handle binds to the first execution of the endpoint's function that asks for it: {@code http.request()} and
 * {@code http.response()} work only there (spec 07 §2.1).
 */
public final class RequestHandle extends LuaUserdata implements Transferable {
    /** The context key of the handle. */
    public static final String KEY = "http.request";
    /** Lua code sees the handle only through {@code ctx.all()}: an opaque value without methods. */
    private static final LuaTable META = new LuaTable().freeze();

    private final Exchange exchange;
    private String owner;

    public RequestHandle(Exchange exchange) {
        super(null, META);
        this.exchange = exchange;
    }

    /** The exchange when {@code s} is the handler's execution, else null. */
    static Exchange of(LuaState s) {
        Execution e = Execution.of(s);
        if (e == null || !(e.context().get(KEY) instanceof RequestHandle h)) {
            return null;
        }
        synchronized (h) {
            if (h.owner == null && e.entryId().equals(h.exchange.functionId())) {
                h.owner = e.pid();
            }
            return e.pid().equals(h.owner) ? h.exchange : null;
        }
    }
}
