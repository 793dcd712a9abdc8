package dev.wippy.http.client;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;
import dev.wippy.http.lua.Failures;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** {@code request_batch} (spec 07 §4.5): all requests checked first, then sent at once; one result per request. */
final class Batch {
    private Batch() {
    }

    static Object perform(LuaState s, Object[] a) {
        LuaTable requests = Args.checkTable(s, a, 0);
        if (requests.length() == 0) {
            throw LuaError.library("http_client.request_batch: requests must not be empty");
        }
        List<RequestSpec> specs = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (long i = 1; i <= requests.length(); i++) {
            if (!(requests.getInt(i) instanceof LuaTable r)) {
                return Failures.fail(ErrorObject.INVALID, "each request must be a table");
            }
            if (!(r.getInt(1) instanceof LuaString method)) {
                return Failures.fail(ErrorObject.INVALID, "method must be a string");
            }
            if (!(r.getInt(2) instanceof LuaString url)) {
                return Failures.fail(ErrorObject.INVALID, "URL must be a string");
            }
            Object options = r.getInt(3);
            if (options instanceof LuaTable o && Boolean.TRUE.equals(o.getStr(LuaString.of("stream")))) {
                return Failures.fail(ErrorObject.INVALID, "streaming not supported in batch requests");
            }
            String m = method.toString().toUpperCase(Locale.ROOT);
            names.add(new String[] {m, url.toString()});
            try {
                specs.add(RequestSpec.of(m, url.toString(), options instanceof LuaTable o ? o : null));
            } catch (IllegalArgumentException e) {
                specs.add(null);
            }
        }
        List<CompletableFuture<Requests.Result>> futures = new ArrayList<>();
        for (RequestSpec spec : specs) {
            futures.add(spec == null ? CompletableFuture.failedFuture(new IllegalArgumentException("invalid URL"))
                    : Requests.send(spec));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .handle((v, t) -> null);
        try {
            Scheduler.of(s).awaitFuture(all);
        } catch (Killed k) {
            futures.forEach(f -> f.cancel(true));
            throw k;
        }
        LuaTable responses = new LuaTable();
        LuaTable errors = new LuaTable();
        boolean failed = false;
        for (int i = 0; i < futures.size(); i++) {
            CompletableFuture<Requests.Result> f = futures.get(i);
            try {
                responses.putInt(i + 1, f.join().table());
            } catch (RuntimeException e) {
                failed = true;
                errors.putInt(i + 1, Requests.failure(names.get(i)[0], names.get(i)[1], e));
            }
        }
        return Multi.of(responses, failed ? errors : null);
    }
}
