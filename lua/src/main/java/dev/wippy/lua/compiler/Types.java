package dev.wippy.lua.compiler;

import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/** Class and method descriptors of the runtime classes that generated code uses. */
final class Types {
    static final ClassDesc OBJECT = ConstantDescs.CD_Object;
    static final ClassDesc OBJECTS = OBJECT.arrayType();
    static final ClassDesc STATE = vm("LuaState");
    static final ClassDesc FUNCTION = vm("LuaFunction");
    static final ClassDesc CLOSURE = vm("LuaClosure");
    static final ClassDesc TABLE = vm("LuaTable");
    static final ClassDesc STRING = vm("LuaString");
    static final ClassDesc CELL = vm("Cell");
    static final ClassDesc OPS = vm("Ops");
    static final ClassDesc MULTI = vm("Multi");
    static final ClassDesc NUMERIC_FOR = vm("NumericFor");
    static final ClassDesc TYPE_VALUE = vm("TypeValue");
    static final ClassDesc FIELD_CACHE = vm("FieldCache");
    static final ClassDesc DEBUG_FRAME = vm("DebugFrame");
    static final ClassDesc BOOLEAN = ConstantDescs.CD_Boolean;
    static final ClassDesc LONG = ConstantDescs.CD_Long;
    static final ClassDesc DOUBLE = ConstantDescs.CD_Double;
    static final ClassDesc THROWABLE = ClassDesc.of("java.lang.Throwable");

    static final ClassDesc J = ConstantDescs.CD_long;
    static final ClassDesc D = ConstantDescs.CD_double;
    static final ClassDesc Z = ConstantDescs.CD_boolean;
    static final ClassDesc I = ConstantDescs.CD_int;
    static final ClassDesc V = ConstantDescs.CD_void;

    private Types() {}

    private static ClassDesc vm(String name) {
        return ClassDesc.of("dev.wippy.lua.vm." + name);
    }

    static MethodTypeDesc mt(ClassDesc ret, ClassDesc... params) {
        return MethodTypeDesc.of(ret, params);
    }

    /** {@code (LuaState, Object x n) -> Object}. */
    static MethodTypeDesc callType(int args) {
        ClassDesc[] p = new ClassDesc[args + 1];
        p[0] = STATE;
        for (int i = 1; i <= args; i++) {
            p[i] = OBJECT;
        }
        return MethodTypeDesc.of(OBJECT, p);
    }

    static final MethodTypeDesc CALLV = mt(OBJECT, STATE, OBJECTS);
}
