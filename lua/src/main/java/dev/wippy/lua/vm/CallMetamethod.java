package dev.wippy.lua.vm;

/** Calls a non-function value through its {@code __call} metamethod, passing the value as first argument. */
final class CallMetamethod extends LuaFunction {
    private final Object target;
    private final Object handler;

    private CallMetamethod(Object target, Object handler) {
        this.target = target;
        this.handler = handler;
    }

    static LuaFunction of(LuaState s, Object f) {
        Object handler = Interop.metamethod(s, f, MetaNames.CALL);
        if (handler == null) {
            throw LuaError.callError(s, f);
        }
        return new CallMetamethod(f, handler);
    }

    @Override
    public Object callv(LuaState s, Object[] args) {
        Object[] withSelf = new Object[args.length + 1];
        withSelf[0] = target;
        System.arraycopy(args, 0, withSelf, 1, args.length);
        return Interop.callv(s, handler, withSelf);
    }
}
