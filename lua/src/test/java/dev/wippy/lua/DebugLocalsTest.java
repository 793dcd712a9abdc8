package dev.wippy.lua;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code debug.getlocal/setlocal} see beyond what the differential script {@code debug_locals.lua} compares
 * with PUC: only functions of chunks that name {@code debug} keep their locals where the library finds them.
 */
class DebugLocalsTest {
    @Test
    void functionsOfChunksThatDoNotNameDebugReportNoLocalsButKeepTheirLevel() {
        String out = LuaRunner.run("""
                function probe(level, n) return debug.getlocal(level + 1, n) end
                local outer = "kept"
                local plain = load("local x = 42; return probe(1, 1), probe(2, 1)")
                print(plain())
                """);
        assertThat(out).isEqualTo("nil\touter\tkept\n");
    }

    @Test
    void setlocalChangesWhatTheRunningFunctionReadsAfterwards() {
        String out = LuaRunner.run("""
                local function bump(level) debug.setlocal(level + 1, 1, debug.getlocal(level + 1, 1) and 100) end
                local function f(n)
                  local before = n
                  bump(1)
                  return before, n, n + 1
                end
                print(f(1))
                """);
        assertThat(out).isEqualTo("1\t100\t101\n");
    }

    @Test
    void aLocalDeclaredInALoopIsAFreshVariableEachIterationForClosuresAndTheDebugLibrary() {
        String out = LuaRunner.run("""
                local fs = {}
                for i = 1, 3 do
                  local v = i * 10
                  fs[i] = function() return v end
                  debug.setlocal(1, 6, v + 1)
                end
                print(fs[1](), fs[2](), fs[3]())
                """);
        assertThat(out).isEqualTo("11\t21\t31\n");
    }
}
