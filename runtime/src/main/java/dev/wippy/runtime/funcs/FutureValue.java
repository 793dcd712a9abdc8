package dev.wippy.runtime.funcs;

import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.process.Execution;
import dev.wippy.runtime.process.ExitResult;
import dev.wippy.runtime.values.Payload;
import dev.wippy.lua.vm.LuaUserdata;

/**
 * A Future of {@code funcs.async} (spec 03 §3.3.4): the outcome is recorded when it arrives and delivered once on
 * its channel, a Payload on success or an error object on failure. It belongs to the execution that created it:
 * the call is cancelled when that execution is cancelled or ends first.
 */
final class FutureValue extends LuaUserdata {
    private final CallHost.Started call;
    private final Channel channel;
    private final Execution owner;
    private final Runnable cancelOnExit;
    private volatile ExitResult outcome;
    private volatile boolean canceled;

    FutureValue(CallHost.Started call, Channel channel, Execution owner) {
        super(null, FuncsModule.FUTURE_META);
        this.call = call;
        this.channel = channel;
        this.owner = owner;
        this.cancelOnExit = call::cancel;
        owner.onExit(cancelOnExit);
        owner.onCancel(cancelOnExit);
        call.outcome().thenAccept(this::arrived);
    }

    private void arrived(ExitResult r) {
        outcome = r;
        owner.removeExitHook(cancelOnExit);
        owner.removeCancelHook(cancelOnExit);
        channel.deliver(r.isAbnormal() ? r.error() : new Payload(r.value()));
    }

    Channel channel() {
        return channel;
    }

    ExitResult outcome() {
        return outcome;
    }

    boolean isCanceled() {
        return canceled;
    }

    void cancel() {
        canceled = true;
        call.cancel();
    }

    static ErrorObject canceledError() {
        return ErrorObject.of(ErrorObject.CANCELED, "call canceled", false, null);
    }
}
