package dev.wippy.lua.compiler;

import dev.wippy.lua.syntax.Block;
import dev.wippy.lua.syntax.Chunk;
import dev.wippy.lua.syntax.LuaSyntaxError;
import dev.wippy.lua.syntax.Parser;
import dev.wippy.lua.vm.FunctionInfo;
import dev.wippy.lua.vm.LocalScopes;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Attributes;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CharacterRangeInfo;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.wippy.lua.compiler.Types.CELL;
import static dev.wippy.lua.compiler.Types.CLOSURE;
import static dev.wippy.lua.compiler.Types.OBJECT;
import static dev.wippy.lua.compiler.Types.OBJECTS;
import static dev.wippy.lua.compiler.Types.OPS;
import static dev.wippy.lua.compiler.Types.STATE;
import static dev.wippy.lua.compiler.Types.V;
import static dev.wippy.lua.compiler.Types.mt;

/**
 * Compiles a chunk to JVM classes, one per function prototype, defined together in their own class loader (so they
 * can refer to each other and are unloaded together). Each class extends {@code LuaClosure}: upvalues are fields,
 * the body is {@code lua$body}, and small adapter methods map the {@code call} entry points onto it.
 */
public final class ChunkCompiler {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String PACKAGE = "dev.wippy.lua.gen.";
    private static final int MAX_PARAMETERS = 240;

    private final Chunk chunk;
    private final String sourceName;
    /** Compiled without debug information, as PUC loads a stripped dump: no lines, no variable names. */
    private final boolean stripped;
    private final byte[] source;
    private final Resolution res;
    private final String prefix;
    private final Map<FunctionScope, ClassDesc> classes = new IdentityHashMap<>();
    /** Where the locals of each function are active, for the functions that keep them. */
    private final Map<FunctionScope, LocalScopes> localScopes = new IdentityHashMap<>();

    private ChunkCompiler(Chunk chunk, String sourceName, byte[] source, Resolution res, boolean stripped) {
        this.chunk = chunk;
        this.sourceName = sourceName;
        this.stripped = stripped;
        this.source = source;
        this.res = res;
        this.prefix = PACKAGE + "L" + SEQUENCE.incrementAndGet() + "$F";
    }

    /**
     * Parses and compiles Lua source of a file, shown in messages as {@code chunkName}; throws
     * {@link LuaSyntaxError} for any compile-time error.
     */
    public static CompiledChunk compile(byte[] source, String chunkName) {
        return compile(source, chunkName, "@" + chunkName);
    }

    /** Compiles a chunk given its name as {@code load} got it ({@code sourceName}) and as messages show it. */
    public static CompiledChunk compile(byte[] source, String chunkName, String sourceName) {
        return compile(source, chunkName, sourceName, false);
    }

    /** Compiles a chunk; a {@code stripped} one has no debug information (PUC's stripped dump, named "?"). */
    static CompiledChunk compile(byte[] source, String chunkName, String sourceName, boolean stripped) {
        Chunk chunk = Parser.parse(source, chunkName);
        Resolution res = Resolver.resolve(chunk);
        TypeInference.run(res, chunk.body());
        return new ChunkCompiler(chunk, sourceName, source, res, stripped).build();
    }

    boolean stripped() {
        return stripped;
    }

    Block mainBody() {
        return chunk.body();
    }

    ClassDesc classOf(FunctionScope fs) {
        return classes.computeIfAbsent(fs, f -> ClassDesc.of(prefix + f.id));
    }

    private CompiledChunk build() {
        List<FunctionScope> all = new ArrayList<>();
        collect(res.main, all);
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        Map<String, FunctionInfo> infos = new LinkedHashMap<>();
        for (FunctionScope fs : all) {
            if (fs.body != null && res.parameters.get(fs.body).size() > MAX_PARAMETERS) {
                throw new LuaSyntaxError(chunk.name(), fs.body.line(), 0, "too many parameters", null);
            }
            ClassDesc cd = classOf(fs);
            List<FunctionInfo.Site> sites = new ArrayList<>();
            byte[] code = generate(fs, cd, sites);
            String name = cd.packageName() + "." + cd.displayName();
            bytes.put(name, code);
            infos.put(name, new SiteMapper(code, sites).info(stripped ? "?" : chunk.name(),
                    stripped ? "=?" : sourceName, source, fs, stripped, localScopes.get(fs)));
        }
        ChunkLoader loader = new ChunkLoader(bytes);
        Map<Integer, CompiledChunk.Prototype> prototypes = new java.util.HashMap<>();
        int k = 0;
        for (Map.Entry<String, FunctionInfo> e : infos.entrySet()) {
            Class<?> c = loader.define(e.getKey());
            FunctionInfo.register(c, e.getValue());
            FunctionScope fs = all.get(k++);
            prototypes.put(fs.id, new CompiledChunk.Prototype(c, constructorCells(fs)));
        }
        return new CompiledChunk(chunk.name(), prototypes);
    }

    /** For each constructor parameter (the upvalues, without a self reference), whether it is a Cell. */
    private static boolean[] constructorCells(FunctionScope fs) {
        List<Boolean> cells = new ArrayList<>();
        for (Upvalue u : fs.upvalues) {
            if (!BodyCompiler.isSelf(fs, u)) {
                cells.add(u.isCell());
            }
        }
        boolean[] r = new boolean[cells.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = cells.get(i);
        }
        return r;
    }

    private static void collect(FunctionScope fs, List<FunctionScope> out) {
        out.add(fs);
        for (FunctionScope c : fs.children) {
            collect(c, out);
        }
    }

    // ---------------------------------------------------------------- class layout

    private static final ClassHierarchyResolver HIERARCHY =
            ClassHierarchyResolver.ofClassLoading(ChunkCompiler.class.getClassLoader());

    private byte[] generate(FunctionScope fs, ClassDesc self, List<FunctionInfo.Site> sites) {
        ClassHierarchyResolver resolver = desc -> desc.descriptorString().startsWith("L" + PACKAGE.replace('.', '/'))
                ? ClassHierarchyResolver.ClassHierarchyInfo.ofClass(CLOSURE)
                : HIERARCHY.getClassInfo(desc);
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver));
        int params = fs.isMain() ? 0 : res.parameters.get(fs.body).size();
        boolean vararg = fs.isVararg();
        MethodTypeDesc bodyType = bodyType(params, vararg);
        Constants constants = new Constants(self);
        return cf.build(self, clb -> {
            clb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
            clb.withSuperclass(CLOSURE);
            clb.with(java.lang.classfile.attribute.SourceFileAttribute.of(chunk.name()));
            List<ClassDesc> ctorParams = new ArrayList<>();
            List<Upvalue> fields = new ArrayList<>();
            for (Upvalue u : fs.upvalues) {
                if (BodyCompiler.isSelf(fs, u)) {
                    continue;
                }
                ClassDesc type = u.isCell() ? CELL : OBJECT;
                // not final: the debug library may set or join upvalues
                clb.withField(BodyCompiler.upvalueField(u), type, ClassFile.ACC_PRIVATE);
                ctorParams.add(type);
                fields.add(u);
            }
            clb.withMethodBody("<init>", MethodTypeDesc.of(V, ctorParams), ClassFile.ACC_PUBLIC, cb -> {
                cb.aload(0);
                cb.invokespecial(CLOSURE, "<init>", mt(V));
                for (int i = 0; i < fields.size(); i++) {
                    cb.aload(0);
                    cb.aload(i + 1);
                    cb.putfield(self, BodyCompiler.upvalueField(fields.get(i)), ctorParams.get(i));
                }
                cb.return_();
            });
            clb.withMethodBody(dev.wippy.lua.vm.LuaClosure.BODY, bodyType,
                    ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, cb -> {
                        BodyCompiler bc = new BodyCompiler(this, res, fs, self, constants, cb);
                        bc.compile();
                        sites.addAll(bc.sites);
                        localScopes.put(fs, bc.frameLocals.scopes(fs.frameSize));
                    });
            for (int n = 0; n <= 3; n++) {
                int given = n;
                clb.withMethodBody("call", Types.callType(n), ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                        cb -> fixedAdapter(cb, self, bodyType, given, params, vararg));
            }
            clb.withMethodBody("callv", Types.CALLV, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                    cb -> arrayAdapter(cb, self, bodyType, params, vararg));
            constants.declareFields(clb);
            if (!constants.isEmpty()) {
                clb.withMethodBody("<clinit>", mt(V), ClassFile.ACC_STATIC, constants::initialise);
            }
        });
    }

    private static MethodTypeDesc bodyType(int params, boolean vararg) {
        List<ClassDesc> p = new ArrayList<>();
        p.add(STATE);
        for (int i = 0; i < params; i++) {
            p.add(OBJECT);
        }
        if (vararg) {
            p.add(OBJECTS);
        }
        return MethodTypeDesc.of(OBJECT, p);
    }

    /** {@code call(s, a1..an)}: missing parameters are nil, extra arguments go to the varargs or are dropped. */
    private static void fixedAdapter(CodeBuilder cb, ClassDesc self, MethodTypeDesc bodyType, int given,
                                     int params, boolean vararg) {
        cb.aload(0);
        cb.aload(1);
        for (int i = 0; i < params; i++) {
            if (i < given) {
                cb.aload(2 + i);
            } else {
                cb.aconst_null();
            }
        }
        if (vararg) {
            int extra = Math.max(0, given - params);
            if (extra == 0) {
                cb.getstatic(Types.MULTI, "NO_VALUES", OBJECTS);
            } else {
                cb.loadConstant(extra);
                cb.anewarray(OBJECT);
                for (int k = 0; k < extra; k++) {
                    cb.dup();
                    cb.loadConstant(k);
                    cb.aload(2 + params + k);
                    cb.aastore();
                }
            }
        }
        cb.invokevirtual(self, dev.wippy.lua.vm.LuaClosure.BODY, bodyType);
        cb.areturn();
    }

    private static void arrayAdapter(CodeBuilder cb, ClassDesc self, MethodTypeDesc bodyType, int params,
                                     boolean vararg) {
        cb.aload(0);
        cb.aload(1);
        for (int i = 0; i < params; i++) {
            cb.aload(2);
            cb.loadConstant(i);
            cb.invokestatic(OPS, "get", mt(OBJECT, OBJECTS, Types.I));
        }
        if (vararg) {
            cb.aload(2);
            cb.loadConstant(params);
            cb.invokestatic(OPS, "varargs", mt(OBJECTS, OBJECTS, Types.I));
        }
        cb.invokevirtual(self, dev.wippy.lua.vm.LuaClosure.BODY, bodyType);
        cb.areturn();
    }

    // ---------------------------------------------------------------- sites

    /** Reads back the bytecode index of each recorded site from the body's CharacterRangeTable. */
    private static final class SiteMapper {
        private final byte[] code;
        private final List<FunctionInfo.Site> sites;

        SiteMapper(byte[] code, List<FunctionInfo.Site> sites) {
            this.code = code;
            this.sites = sites;
        }

        FunctionInfo info(String chunkName, String sourceName, byte[] chunkSource, FunctionScope fs,
                          boolean stripped, LocalScopes locals) {
            ClassModel model = ClassFile.of().parse(code);
            MethodModel body = model.methods().stream()
                    .filter(m -> m.methodName().equalsString(dev.wippy.lua.vm.LuaClosure.BODY))
                    .findFirst().orElseThrow();
            java.util.TreeMap<Integer, FunctionInfo.Site> byBci = new java.util.TreeMap<>();
            body.code().orElseThrow().findAttribute(Attributes.characterRangeTable()).ifPresent(table -> {
                for (CharacterRangeInfo r : table.characterRangeTable()) {
                    FunctionInfo.Site site = sites.get(r.characterRangeStart());
                    // without debug information PUC names no variable
                    byBci.put(r.startPc(), stripped ? new FunctionInfo.Site(site.event(), site.role()) : site);
                }
            });
            int[] bcis = byBci.keySet().stream().mapToInt(Integer::intValue).toArray();
            int line = fs.isMain() ? 0 : fs.body.line();
            int last = fs.isMain() ? -1 : fs.body.endLine();
            List<String> params = new ArrayList<>();
            if (!fs.isMain()) {
                if (fs.body.isMethod()) {
                    params.add("self");
                }
                fs.body.params().forEach(p -> params.add(p.name()));
            }
            String[] upvalues = fs.upvalues.stream().map(u -> stripped ? "(no name)" : u.name)
                    .toArray(String[]::new);
            return new FunctionInfo(chunkName, sourceName, stripped, chunkSource, fs.id, line, last,
                    params.toArray(String[]::new), fs.isVararg(), upvalues, bcis,
                    byBci.values().toArray(FunctionInfo.Site[]::new), locals);
        }
    }

    /** Defines the classes of one chunk; they can see each other and the engine's classes. */
    private static final class ChunkLoader extends ClassLoader {
        private final Map<String, byte[]> bytes;

        ChunkLoader(Map<String, byte[]> bytes) {
            super(ChunkCompiler.class.getClassLoader());
            this.bytes = bytes;
        }

        Class<?> define(String name) {
            try {
                return loadClass(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = bytes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
