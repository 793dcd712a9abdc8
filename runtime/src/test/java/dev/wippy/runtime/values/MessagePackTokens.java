package dev.wippy.runtime.values;

import java.util.List;

/**
 * Bytes to insert into MessagePack samples: headers whose lengths reach far beyond the data (negative as Java
 * ints, or just under 2 GiB), the never-used byte 0xc1, extension types, floats, nil, empty and nested containers.
 */
public final class MessagePackTokens {
    public static final List<String> ALL = List.of("\u00c1", "\u00c0", "\u00ff", "\u0000",
            "\u00dd\u00ff\u00ff\u00ff\u00ff", "\u00dd\u007f\u00ff\u00ff\u00ff",
            "\u00df\u00ff\u00ff\u00ff\u00ff", "\u00df\u007f\u00ff\u00ff\u00ff",
            "\u00db\u00ff\u00ff\u00ff\u00ff", "\u00db\u007f\u00ff\u00ff\u00ff",
            "\u00c6\u00ff\u00ff\u00ff\u00ff", "\u00c6\u007f\u00ff\u00ff\u00ff",
            "\u00c9\u00ff\u00ff\u00ff\u00ff\u0001", "\u00c9\u007f\u00ff\u00ff\u00ff\u0001",
            "\u00d4\u0001\u0000", "\u00d6\u00ff\u0000\u0000\u0000\u0000", "\u00c7\u0010\u0005",
            "\u00c7\u0003\u0001\u0093\u00c0\u00c0", "\u00cb\u007f\u00f8\u0000\u0000\u0000\u0000\u0000\u0001",
            "\u00cf\u00ff\u00ff", "\u0090", "\u009f", "\u0080", "\u008f", "\u00a0", "\u00bf", "\u00d9\u0000",
            "\u0081\u0001\u00c0", "\u0081\u00c0\u00c0", "\u0081\u0090\u0001",
            "\u0081\u00cb\u007f\u00f8\u0000\u0000\u0000\u0000\u0000\u0001\u0001");

    private MessagePackTokens() {
    }
}
