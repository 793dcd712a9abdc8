package dev.wippy.runtime.app;

import dev.wippy.runtime.config.RuntimeConfig;
import dev.wippy.runtime.ext.AppCode;
import dev.wippy.runtime.ext.Boot;
import dev.wippy.runtime.ext.Subsystem;
import dev.wippy.runtime.metrics.CollectorSlot;
import dev.wippy.runtime.funcs.Functions;
import dev.wippy.runtime.lua.ModuleProvider;
import dev.wippy.runtime.process.Node;
import dev.wippy.runtime.registry.Entry;
import dev.wippy.runtime.registry.Registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The {@link Boot} the application gives its extensions, one after another in their order. */
final class AppBoot implements Boot {
    private final Path root;
    private final RuntimeConfig config;
    private final Registry registry;
    private final Decoding decoding;
    private final Node node;
    private final Functions functions;
    private final Map<String, ModuleProvider> modules;
    private final AppCode code;
    private final Consumer<String> warn;
    private final Runtime runtime;
    private final List<Subsystem> booted = new ArrayList<>();
    private Registry decoded;

    /** What the application itself gives its extensions beyond the boot data: services, metrics, exit. */
    interface Runtime {
        CollectorSlot metrics();

        Map<String, ServiceStatus> services();

        void requestExit(int code);
    }

    AppBoot(Path root, RuntimeConfig config, Registry registry, Decoding decoding, Node node, Functions functions,
            Map<String, ModuleProvider> modules, AppCode code, Consumer<String> warn, Runtime runtime) {
        this.runtime = runtime;
        this.root = root;
        this.config = config;
        this.registry = registry;
        this.decoding = decoding;
        this.node = node;
        this.functions = functions;
        this.modules = modules;
        this.code = code;
        this.warn = warn;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public RuntimeConfig config() {
        return config;
    }

    @Override
    public Registry registry() {
        return registry;
    }

    @Override
    public Registry decoded() {
        if (decoded == null) {
            decoded = decoding.apply(registry);
        }
        return decoded;
    }

    @Override
    public void decodeWith(UnaryOperator<Entry> decoder) {
        if (decoded != null) {
            throw new IllegalStateException("the registry was decoded already; a decoder must be set earlier");
        }
        decoding.decoder(decoder);
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public Functions functions() {
        return functions;
    }

    @Override
    public void module(String name, ModuleProvider provider) {
        if (modules.putIfAbsent(name, provider) != null) {
            throw new IllegalStateException("module '" + name + "' is provided twice");
        }
    }

    @Override
    public AppCode code() {
        return code;
    }

    @Override
    public void warn(String message) {
        warn.accept(message);
    }

    /** An extension booted {@code s}: later extensions may look it up. */
    void booted(Subsystem s) {
        booted.add(s);
    }

    List<Subsystem> subsystems() {
        return List.copyOf(booted);
    }

    @Override
    public <T extends Subsystem> T subsystem(Class<T> type) {
        return Subsystem.first(booted, type);
    }

    @Override
    public CollectorSlot metrics() {
        return runtime.metrics();
    }

    @Override
    public Map<String, ServiceStatus> services() {
        return runtime.services();
    }

    @Override
    public void requestExit(int code) {
        runtime.requestExit(code);
    }
}
