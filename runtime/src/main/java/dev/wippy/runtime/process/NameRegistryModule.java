package dev.wippy.runtime.process;

import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.runtime.errors.ErrorObject;

/** {@code process.registry} (spec 02 §2.12). On a single node every scope behaves like LOCAL. */
final class NameRegistryModule {
    static final LuaTable TABLE = new LuaTable();

    static {
        TABLE.putStr(LuaString.of("register"), new JavaFunction("process.registry.register", (s, a) -> {
            String name = ProcessModule.string(a, 0);
            if (name == null || name.isEmpty() || name.startsWith("{")) {
                return ProcessModule.fail(ErrorObject.INVALID, "invalid name");
            }
            Execution self = ProcessModule.self(s);
            String pid = a.length > 1 && a[1] != null ? ProcessModule.string(a, 1) : self.pid();
            if (pid == null) {
                return ProcessModule.fail(ErrorObject.INVALID, "pid must be a string");
            }
            try {
                self.actions().register(self, name, pid);
                return Boolean.TRUE;
            } catch (SpawnException e) {
                return ProcessModule.fail(e);
            }
        }));
        TABLE.putStr(LuaString.of("lookup"), new JavaFunction("process.registry.lookup", (s, a) -> {
            String name = ProcessModule.string(a, 0);
            Execution self = ProcessModule.self(s);
            try {
                String pid = name == null ? null : self.actions().lookup(self, name);
                return pid == null ? ProcessModule.fail(ErrorObject.NOT_FOUND, "name not found: " + name)
                        : LuaString.of(pid);
            } catch (SpawnException e) {
                return ProcessModule.fail(e);
            }
        }));
        TABLE.putStr(LuaString.of("unregister"), new JavaFunction("process.registry.unregister", (s, a) -> {
            String name = ProcessModule.string(a, 0);
            Execution self = ProcessModule.self(s);
            try {
                return name != null && self.actions().unregister(self, name);
            } catch (SpawnException e) {
                return ProcessModule.fail(e);
            }
        }));
        String[] scopes = {"LOCAL", "EVENTUAL", "CONSISTENT", "STRONG"};
        for (int i = 0; i < scopes.length; i++) {
            TABLE.putStr(LuaString.of(scopes[i]), (long) i);
        }
        TABLE.freeze();
    }

    private NameRegistryModule() {}
}
