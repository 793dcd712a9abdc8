package dev.wippy.lua.lib;

import dev.wippy.lua.syntax.SourceText;
import dev.wippy.lua.vm.Args;
import dev.wippy.lua.vm.Interop;
import dev.wippy.lua.vm.JavaFunction;
import dev.wippy.lua.vm.LuaError;
import dev.wippy.lua.vm.LuaFunction;
import dev.wippy.lua.vm.LuaState;
import dev.wippy.lua.vm.LuaString;
import dev.wippy.lua.vm.LuaTable;
import dev.wippy.lua.vm.Multi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standalone profile's {@code package} library and {@code require}: Lua modules found on
 * {@code package.path}; native libraries are never loaded.
 */
public final class PackageLib {
    private static final String DEFAULT_PATH = "/usr/local/share/lua/5.4/?.lua;/usr/local/share/lua/5.4/?/init.lua;"
            + "/usr/local/lib/lua/5.4/?.lua;/usr/local/lib/lua/5.4/?/init.lua;./?.lua;./?/init.lua";
    private static final String DEFAULT_CPATH = "/usr/local/lib/lua/5.4/?.so;/usr/local/lib/lua/5.4/loadall.so;./?.so";
    private static final LuaString LOADED = LuaString.of("loaded");
    private static final LuaString PRELOAD = LuaString.of("preload");
    private static final LuaString PATH = LuaString.of("path");
    private static final LuaString SEARCHERS = LuaString.of("searchers");

    private PackageLib() {}

    /** Installs {@code package} and {@code require}, registering the already installed libraries as loaded. */
    public static LuaTable install(LuaState s, String... libraries) {
        LuaTable pkg = new LuaTable();
        LuaTable loaded = new LuaTable();
        LuaTable g = s.globals();
        loaded.putStr(LuaString.of("_G"), g);
        for (String lib : libraries) {
            loaded.putStr(LuaString.of(lib), g.getStr(LuaString.of(lib)));
        }
        loaded.putStr(LuaString.of("package"), pkg);
        pkg.putStr(LOADED, loaded);
        pkg.putStr(PRELOAD, new LuaTable());
        String envPath = System.getenv("LUA_PATH_5_4") != null ? System.getenv("LUA_PATH_5_4")
                : System.getenv("LUA_PATH");
        pkg.putStr(PATH, LuaString.of(envPath != null ? envPath.replace(";;", ";" + DEFAULT_PATH + ";")
                : DEFAULT_PATH));
        pkg.putStr(LuaString.of("cpath"), LuaString.of(DEFAULT_CPATH));
        pkg.putStr(LuaString.of("config"), LuaString.of("/\n;\n?\n!\n-\n"));
        pkg.putStr(LuaString.of("searchpath"), new JavaFunction("package.searchpath", PackageLib::searchpath));
        pkg.putStr(LuaString.of("loadlib"), new JavaFunction("package.loadlib",
                (st, a) -> Multi.of(null, LuaString.of("dynamic libraries not enabled; check your Lua installation"),
                        LuaString.of("absent"))));
        LuaTable searchers = new LuaTable();
        searchers.putInt(1, new JavaFunction("searcher_preload", (st, a) -> searchPreload(st, pkg, a)));
        searchers.putInt(2, new JavaFunction("searcher_Lua", (st, a) -> searchLua(st, pkg, a)));
        searchers.putInt(3, new JavaFunction("searcher_C", (st, a) -> searchC(st, pkg, a, false)));
        searchers.putInt(4, new JavaFunction("searcher_Croot", (st, a) -> searchC(st, pkg, a, true)));
        pkg.putStr(SEARCHERS, searchers);
        g.putStr(LuaString.of("package"), pkg);
        g.putStr(LuaString.of("require"), new JavaFunction("require", (st, a) -> require(st, pkg, a)));
        return pkg;
    }

    private static Object require(LuaState s, LuaTable pkg, Object[] a) {
        LuaString name = Args.checkString(s, a, 0);
        LuaTable loaded = (LuaTable) pkg.getStr(LOADED);
        Object existing = loaded.get(name);
        if (Interop.isTruthy(existing)) {
            return existing;
        }
        if (!(pkg.getStr(SEARCHERS) instanceof LuaTable searchers)) {
            throw LuaError.library("'package.searchers' must be a table");
        }
        StringBuilder notFound = new StringBuilder();
        for (long i = 1; ; i++) {
            Object searcher = searchers.getInt(i);
            if (searcher == null) {
                throw LuaError.library("module '" + name + "' not found:" + notFound);
            }
            Object[] r = Interop.call(s, searcher, name);
            Object loader = Args.arg(r, 0);
            if (loader instanceof LuaFunction) {
                Object data = Args.arg(r, 1);
                Object value = Interop.call1(s, loader, name, data);
                if (value != null) {
                    loaded.put(name, value);
                } else if (loaded.get(name) == null) {
                    loaded.put(name, Boolean.TRUE);
                }
                return Multi.of(loaded.get(name), data);
            }
            if (loader instanceof LuaString msg) {
                notFound.append("\n\t").append(msg);
            }
        }
    }

    private static Object searchPreload(LuaState s, LuaTable pkg, Object[] a) {
        LuaString name = Args.checkString(s, a, 0);
        Object preload = pkg.getStr(PRELOAD);
        Object loader = preload instanceof LuaTable t ? t.get(name) : null;
        if (loader == null) {
            return LuaString.of("no field package.preload['" + name + "']");
        }
        return Multi.of(loader, LuaString.of(":preload:"));
    }

    private static Object searchLua(LuaState s, LuaTable pkg, Object[] a) {
        LuaString name = Args.checkString(s, a, 0);
        if (!(pkg.getStr(PATH) instanceof LuaString path)) {
            throw LuaError.library("'package.path' must be a string");
        }
        Object found = search(name.toString(), path.toString(), ".", "/");
        if (!(found instanceof String file)) {
            return found;
        }
        try {
            LuaString source = LuaString.wrap(SourceText.ofFile(Files.readAllBytes(Path.of(file))));
            Object loader = BaseLib.loadChunk(s, source, "@" + file, "bt", s.globals());
            if (loader instanceof Multi m) {
                throw LuaError.library("error loading module '" + name + "' from file '" + file + "':\n\t"
                        + m.all(s)[1]);
            }
            return Multi.of(loader, LuaString.of(file));
        } catch (IOException e) {
            throw LuaError.library("cannot read '" + file + "'");
        }
    }

    /**
     * PUC's C searchers over {@code package.cpath} (for a dotted name, the root one looks for its first part): a
     * file found there cannot be loaded, as this engine loads no native code.
     */
    private static Object searchC(LuaState s, LuaTable pkg, Object[] a, boolean root) {
        String name = Args.checkString(s, a, 0).toString();
        if (!(pkg.getStr(LuaString.of("cpath")) instanceof LuaString cpath)) {
            throw LuaError.library("'package.cpath' must be a string");
        }
        if (root && name.indexOf('.') < 0) {
            return Multi.EMPTY;
        }
        Object found = search(root ? name.substring(0, name.indexOf('.')) : name, cpath.toString(), ".", "/");
        if (!(found instanceof String file)) {
            return found;
        }
        throw LuaError.library("error loading module '" + name + "' from file '" + file
                + "':\n\tdynamic libraries not enabled; check your Lua installation");
    }

    private static Object searchpath(LuaState s, Object[] a) {
        String name = Args.checkString(s, a, 0).toString();
        String path = Args.checkString(s, a, 1).toString();
        String sep = Args.optString(s, a, 2, LuaString.of(".")).toString();
        String rep = Args.optString(s, a, 3, LuaString.of("/")).toString();
        Object r = search(name, path, sep, rep);
        return r instanceof String file ? LuaString.of(file) : Multi.of(null, r);
    }

    /** The first readable file for {@code name} on {@code path}, or the "no file" message as a Lua string. */
    private static Object search(String name, String path, String sep, String rep) {
        if (!sep.isEmpty()) {
            name = name.replace(sep, rep);
        }
        StringBuilder tried = new StringBuilder();
        // every template counts, empty ones too (PUC reports them as no file '')
        for (String template : path.split(";", -1)) {
            String file = template.replace("?", name);
            if (!file.isEmpty() && Files.isReadable(Path.of(file)) && !Files.isDirectory(Path.of(file))) {
                return file;
            }
            tried.append(tried.isEmpty() ? "" : "\n\t").append("no file '").append(file).append("'");
        }
        return LuaString.of(tried.toString());
    }
}
