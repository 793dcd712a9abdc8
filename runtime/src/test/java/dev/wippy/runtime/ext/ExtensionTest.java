package dev.wippy.runtime.ext;

import dev.wippy.lua.vm.LuaString;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.funcs.TestApp;
import dev.wippy.runtime.registry.BootException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An extension on the class path runs its kinds, with placeholders resolved, and provides its modules. */
class ExtensionTest {
    @TempDir
    Path dir;

    @Test
    void anExtensionBootsItsEntriesProvidesAModuleAndStartsAndStopsWithTheApp() throws Exception {
        GreetingExtension.EVENTS.clear();
        TestApp app = new TestApp(dir)
                .entry("vars", "kind: env.storage.memory")
                .entry("hello", "kind: test.greeting\ntext: \"${env:WHO|world}, hello\"")
                .entry("main", "kind: process.lua\nmethod: main\nmodules: [greetings]", """
                        return { main = function() return greetings.get("hello") end }""");
        Application booted = app.boot();
        try {
            assertThat(GreetingExtension.EVENTS).containsExactly("boot", "start");
            var r = booted.run(booted.target("app:main", null), List.of()).done().get(10, TimeUnit.SECONDS);
            assertThat(r.value()).isEqualTo(LuaString.of("world, hello"));
        } finally {
            assertThat(booted.shutdown(Duration.ofSeconds(5))).isEmpty();
        }
        assertThat(GreetingExtension.EVENTS).containsExactly("boot", "start", "stop", "close");
    }

    @Test
    void aBadEntryOfAnExtensionStopsTheBootNamingIt() {
        TestApp app = new TestApp(dir).entry("mute", "kind: test.greeting");
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("app:mute").hasMessageContaining("_index.yaml").hasMessageContaining("a greeting needs a text");
    }
}
