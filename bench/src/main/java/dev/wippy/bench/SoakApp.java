package dev.wippy.bench;

import java.util.Map;

/**
 * The app a soak wave runs: a wave process on the terminal host that spawns processes that end at once (in batches,
 * waiting for each batch's EXIT events), has senders stream messages to sinks on the process host, and calls a Lua
 * function through {@code funcs.call}. It returns when all of it is done.
 */
final class SoakApp {
    static final String WAVE = "soak:wave";

    private static final String INDEX = """
            namespace: soak
            entries:
              - { name: terminal, kind: terminal.host, lifecycle: { auto_start: true } }
              - { name: processes, kind: process.host, lifecycle: { auto_start: true } }
              - { name: add, kind: function.lua, source: file://add.lua, method: add }
              - { name: noop, kind: process.lua, source: file://noop.lua, method: main }
              - { name: sink, kind: process.lua, source: file://sink.lua, method: main }
              - { name: sender, kind: process.lua, source: file://sender.lua, method: main }
              - { name: wave, kind: process.lua, source: file://wave.lua, method: main, modules: [funcs] }
            """;
    private static final String ADD = "return { add = function(a, b) return a + b end }";
    private static final String NOOP = "return { main = function() return 0 end }";
    private static final String SINK = """
            return { main = function(parent, n)
                local inbox = process.inbox()
                for _ = 1, n do inbox:receive() end
                process.send(parent, "received", n)
            end }
            """;
    private static final String SENDER = """
            return { main = function(sink, n)
                for i = 1, n do process.send(sink, "m", i) end
            end }
            """;
    private static final String WAVE_LUA = """
            -- at most this many spawned processes live at once: a wave measures churn, not a crowd
            local BATCH = 10000
            local STREAMS = 2

            local function spawn_and_end(n)
                local events = process.events()
                local done = 0
                while done < n do
                    local k = math.min(BATCH, n - done)
                    for _ = 1, k do process.spawn_monitored("soak:noop", "soak:processes") end
                    for _ = 1, k do events:receive() end
                    done = done + k
                end
            end

            local function stream_messages(n)
                local inbox = process.inbox()
                for i = 1, STREAMS do
                    local count = n // STREAMS + (i <= n % STREAMS and 1 or 0)
                    local sink = process.spawn("soak:sink", "soak:processes", process.pid(), count)
                    process.spawn("soak:sender", "soak:processes", sink, count)
                end
                for _ = 1, STREAMS do inbox:receive() end
            end

            local function call_functions(n)
                local sum = 0
                for i = 1, n do sum = funcs.call("soak:add", sum, 1) end
                assert(sum == n, "funcs.call lost calls")
            end

            return { main = function(processes, messages, calls)
                spawn_and_end(tonumber(processes))
                stream_messages(tonumber(messages))
                call_functions(tonumber(calls))
                return 0
            end }
            """;

    private SoakApp() {
    }

    static Map<String, String> files() {
        return Map.of("_index.yaml", INDEX, "add.lua", ADD, "noop.lua", NOOP, "sink.lua", SINK,
                "sender.lua", SENDER, "wave.lua", WAVE_LUA);
    }
}
