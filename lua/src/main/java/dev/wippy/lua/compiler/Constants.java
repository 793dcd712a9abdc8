package dev.wippy.lua.compiler;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of one generated class, as {@code static final} fields (so the JIT treats them as constants),
 * initialised once in the class initialiser: Lua strings and the boxed numbers used where objects are needed.
 */
final class Constants {
    private static final int MAX_LITERAL_CHARS = 20_000;

    private record Entry(String field, ClassDesc type, Object value) {}

    private final ClassDesc owner;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Object, Entry> byValue = new HashMap<>();

    Constants(ClassDesc owner) {
        this.owner = owner;
    }

    /** Pushes the Lua string with these bytes. */
    void string(CodeBuilder cb, byte[] bytes) {
        load(cb, new String(bytes, StandardCharsets.ISO_8859_1), Types.STRING);
    }

    void string(CodeBuilder cb, String ascii) {
        load(cb, ascii, Types.STRING);
    }

    /** Pushes a new inline cache for one field-access site. */
    void fieldCache(CodeBuilder cb) {
        Entry e = new Entry("C" + entries.size(), Types.FIELD_CACHE, null);
        entries.add(e);
        cb.getstatic(owner, e.field(), Types.FIELD_CACHE);
    }

    /** Pushes a boxed integer. */
    void integer(CodeBuilder cb, long value) {
        load(cb, value, Types.LONG);
    }

    /** Pushes a boxed float. */
    void number(CodeBuilder cb, double value) {
        load(cb, Double.doubleToRawLongBits(value), Types.DOUBLE);
    }

    private void load(CodeBuilder cb, Object key, ClassDesc type) {
        Object mapKey = type == Types.DOUBLE ? List.of("d", key) : key;
        Entry e = byValue.get(mapKey);
        if (e == null) {
            e = new Entry("K" + entries.size(), type, key);
            entries.add(e);
            byValue.put(mapKey, e);
        }
        cb.getstatic(owner, e.field(), type);
    }

    void declareFields(ClassBuilder clb) {
        for (Entry e : entries) {
            clb.withField(e.field(), e.type(), ClassFile.ACC_STATIC | ClassFile.ACC_FINAL | ClassFile.ACC_PRIVATE);
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void initialise(CodeBuilder cb) {
        for (Entry e : entries) {
            if (e.type() == Types.STRING) {
                pushLiteral(cb, (String) e.value());
                cb.invokestatic(Types.STRING, "ofLatin1", Types.mt(Types.STRING, ClassDesc.of("java.lang.String")));
                cb.invokevirtual(Types.STRING, "intern", Types.mt(Types.STRING));
            } else if (e.type() == Types.FIELD_CACHE) {
                cb.new_(Types.FIELD_CACHE);
                cb.dup();
                cb.invokespecial(Types.FIELD_CACHE, "<init>", Types.mt(Types.V));
            } else if (e.type() == Types.LONG) {
                cb.loadConstant((Long) e.value());
                cb.invokestatic(Types.LONG, "valueOf", Types.mt(Types.LONG, Types.J));
            } else {
                cb.loadConstant(Double.longBitsToDouble((Long) e.value()));
                cb.invokestatic(Types.DOUBLE, "valueOf", Types.mt(Types.DOUBLE, Types.D));
            }
            cb.putstatic(owner, e.field(), e.type());
        }
        cb.return_();
    }

    /** Pushes a Java string, concatenating pieces when it is too long for one class-file constant. */
    private static void pushLiteral(CodeBuilder cb, String s) {
        if (s.length() <= MAX_LITERAL_CHARS) {
            cb.loadConstant(s);
            return;
        }
        ClassDesc str = ClassDesc.of("java.lang.String");
        cb.loadConstant(s.substring(0, MAX_LITERAL_CHARS));
        for (int i = MAX_LITERAL_CHARS; i < s.length(); i += MAX_LITERAL_CHARS) {
            cb.loadConstant(s.substring(i, Math.min(s.length(), i + MAX_LITERAL_CHARS)));
            cb.invokevirtual(str, "concat", Types.mt(str, str));
        }
    }
}
