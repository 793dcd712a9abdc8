package dev.wippy.runtime.channel;

import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaNumbers;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.MetaNames;
import dev.wippy.lua.vm.Multi;
import dev.wippy.runtime.sched.Fiber;
import dev.wippy.runtime.sched.Scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code channel} global (spec 02 §3): {@code channel.new}, {@code channel.select} and channel methods. */
public final class ChannelModule {
    static final LuaTable CHANNEL_META = new LuaTable();
    static final LuaTable CASE_META = new LuaTable();
    private static final LuaString CHANNEL = LuaString.of("channel");
    private static final LuaString VALUE = LuaString.of("value");
    private static final LuaString OK = LuaString.of("ok");
    private static final LuaString DEFAULT = LuaString.of("default");

    /** The shared {@code channel} table. */
    public static final LuaTable TABLE = new LuaTable();

    static {
        LuaTable methods = new LuaTable();
        method(methods, "send", (s, a) -> {
            self(s, a).send(Args.arg(a, 1));
            return Boolean.TRUE;
        });
        method(methods, "receive", (s, a) -> Multi.of(self(s, a).receive()));
        method(methods, "close", (s, a) -> {
            self(s, a).closeFromLua();
            return Multi.EMPTY;
        });
        method(methods, "case_send", (s, a) -> {
            Channel ch = self(s, a);
            ch.checkLuaWritable("send on");
            return new SelectCase(ch, true, Args.arg(a, 1));
        });
        method(methods, "case_receive", (s, a) -> new SelectCase(self(s, a), false, null));
        CHANNEL_META.putStr(MetaNames.INDEX, methods);
        CHANNEL_META.putStr(MetaNames.NAME, LuaString.of("Channel"));
        CASE_META.putStr(MetaNames.NAME, LuaString.of("SelectCase"));
        TABLE.putStr(LuaString.of("new"), new JavaFunction("channel.new", ChannelModule::newChannel));
        TABLE.putStr(LuaString.of("select"), new JavaFunction("channel.select", ChannelModule::select));
    }

    private ChannelModule() {}

    private static void method(LuaTable t, String name, JavaFunction.Body body) {
        t.putStr(LuaString.of(name), new JavaFunction(name, body));
    }

    /** The channel a method is called on; checked in each method's own frame, which a parked fiber keeps. */
    private static Channel self(LuaState s, Object[] a) {
        if (!(Args.arg(a, 0) instanceof Channel ch)) {
            throw Args.typeError(s, a, 0, "Channel");
        }
        return ch;
    }

    private static Object newChannel(LuaState s, Object[] a) {
        long size = 0;
        if (!Args.isNoneOrNil(a, 0)) {
            Long n = a[0] instanceof Long l ? l : a[0] instanceof Double d ? LuaNumbers.toInteger(d) : null;
            if (n == null || n < 0 || n > Integer.MAX_VALUE) {
                throw Args.error(0, "channel size must be a non-negative integer");
            }
            size = n;
        }
        return Channel.create(Scheduler.of(s), (int) size);
    }

    /** {@code channel.select(cases)}: performs one ready case (random among ready ones), or waits for one. */
    private static Object select(LuaState s, Object[] a) {
        LuaTable arg = Args.checkTable(s, a, 0);
        boolean hasDefault = arg.getStr(DEFAULT) == Boolean.TRUE;
        List<SelectCase> cases = new ArrayList<>();
        for (long i = 1; ; i++) {
            Object c = arg.getInt(i);
            if (c == null) {
                break;
            }
            if (!(c instanceof SelectCase sc)) {
                throw LuaError.library("select: element " + i + " is not a channel case");
            }
            cases.add(sc);
        }
        if (cases.isEmpty() && !hasDefault) {
            throw LuaError.library("select: no cases and no default");
        }
        Scheduler scheduler = cases.isEmpty() ? Scheduler.of(s) : cases.getFirst().channel.scheduler();
        scheduler.lock.lock();
        try {
            int start = cases.isEmpty() || scheduler.choosesFirstReadyCase() ? 0
                    : ThreadLocalRandom.current().nextInt(cases.size());
            for (int k = 0; k < cases.size(); k++) {
                SelectCase c = cases.get((start + k) % cases.size());
                if (c.send ? c.channel.canSend() : c.channel.canReceive()) {
                    return perform(c);
                }
            }
            if (hasDefault) {
                LuaTable r = new LuaTable(0, 2);
                r.putStr(DEFAULT, Boolean.TRUE);
                r.putStr(OK, Boolean.TRUE);
                return r;
            }
            Fiber self = scheduler.current();
            Waiter w = new Waiter(self);
            for (int i = 0; i < cases.size(); i++) {
                SelectCase c = cases.get(i);
                if (c.send) {
                    c.channel.addSender(new Waiter.Pending(w, i, c.value));
                } else {
                    c.channel.addReceiver(new Waiter.Pending(w, i, null));
                }
            }
            try {
                scheduler.await(self, () -> w.done);
            } finally {
                for (SelectCase c : cases) {
                    c.channel.removeWaiter(w);
                }
            }
            SelectCase fired = cases.get(w.firedCase);
            if (fired.send && w.closed) {
                throw LuaError.library("send on closed channel");
            }
            return result(fired.channel, fired.send ? fired.value : w.value, !fired.send ? w.ok : true);
        } finally {
            scheduler.lock.unlock();
        }
    }

    private static LuaTable perform(SelectCase c) {
        if (c.send) {
            c.channel.trySend(c.value);
            return result(c.channel, c.value, true);
        }
        Object[] r = c.channel.tryReceive();
        return result(c.channel, r[0], (Boolean) r[1]);
    }

    private static LuaTable result(Channel ch, Object value, boolean ok) {
        LuaTable r = new LuaTable(0, 3);
        r.putStr(CHANNEL, ch);
        r.putStr(VALUE, value);
        r.putStr(OK, ok);
        return r;
    }
}
