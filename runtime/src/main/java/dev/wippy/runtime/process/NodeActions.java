package dev.wippy.runtime.process;

import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.values.Payload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The {@code process} functions of processes and functions: immediate effects on the node, or on the external
 * provider that owns a PID or host (a workflow started or signalled from a process).
 */
public final class NodeActions implements ProcessActions {
    public static final NodeActions INSTANCE = new NodeActions();

    private NodeActions() {
    }

    /**
     * Runs a call to an external provider that waits (for a durable commit) so that only the calling coroutine
     * waits: the execution gives its host slot to others meanwhile.
     */
    private static <T> T external(Execution self, Supplier<T> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread.startVirtualThread(() -> {
            try {
                f.complete(call.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return self.scheduler().awaitFuture(f);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static void external(Execution self, Runnable call) {
        external(self, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public void send(Execution self, String destination, String topic, Payload payload) {
        ExternalProcesses x = self.node().ownerOf(destination);
        if (x != null) {
            external(self, () -> x.send(self.pid(), destination, topic, payload));
        } else {
            self.node().send(self.pid(), destination, topic, payload);
        }
    }

    @Override
    public String spawn(Execution self, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options) {
        ExternalProcesses x = self.node().externalHost(hostId);
        if (x != null) {
            return external(self, () -> x.spawn(self, entryId, hostId, frozenArgs, options));
        }
        return self.node().spawn(self, entryId, hostId, frozenArgs, options).pid();
    }

    /** The child is terminated if the caller stops waiting; an external execution keeps running (spec 05 §3.2). */
    @Override
    public ExitResult exec(Execution self, String entryId, String hostId, Object[] frozenArgs, SpawnOptions options) {
        ExternalProcesses x = self.node().externalHost(hostId);
        if (x != null) {
            String pid = external(self, () -> x.spawn(self, entryId, hostId, frozenArgs, options));
            return self.scheduler().awaitFuture(x.outcome(pid));
        }
        ProcessExecution child = self.node().spawn(self, entryId, hostId, frozenArgs, options);
        try {
            return self.scheduler().awaitFuture(child.done());
        } catch (Killed k) {
            child.terminate(ErrorObject.of(ErrorObject.CANCELED, "caller of exec stopped"));
            throw k;
        }
    }

    @Override
    public void cancel(Execution self, String destination, String reason) {
        ExternalProcesses x = self.node().ownerOf(destination);
        if (x != null) {
            external(self, () -> x.cancel(self.pid(), destination, reason));
        } else {
            self.node().resolve(destination).deliver(new Event(Event.CANCEL, self.pid(), null, reason));
        }
    }

    @Override
    public void terminate(Execution self, String destination) {
        ExternalProcesses x = self.node().ownerOf(destination);
        if (x != null) {
            external(self, () -> x.terminate(self.pid(), destination));
        } else {
            self.node().resolve(destination).terminate(ErrorObject.of(ErrorObject.CANCELED,
                    "process terminated by " + self.pid()));
        }
    }

    @Override
    public void monitor(Execution self, String destination) {
        ExternalProcesses x = self.node().ownerOf(destination);
        if (x != null) {
            x.monitor(self, destination);
        } else {
            self.node().monitor(self, destination);
        }
    }

    @Override
    public void unmonitor(Execution self, String destination) {
        ExternalProcesses x = self.node().ownerOf(destination);
        if (x != null) {
            x.unmonitor(self, destination);
        } else {
            self.node().unmonitor(self, destination);
        }
    }

    @Override
    public void link(Execution self, String destination) {
        ExternalProcesses x = self.node().ownerOf(destination);
        if (x != null) {
            x.link(self, destination);
        } else {
            self.node().link(self, destination);
        }
    }

    @Override
    public void unlink(Execution self, String destination) {
        ExternalProcesses x = self.node().ownerOf(destination);
        if (x != null) {
            x.unlink(self, destination);
        } else {
            self.node().unlink(self, destination);
        }
    }

    @Override
    public void register(Execution self, String name, String pid) {
        self.node().registerName(name, pid);
    }

    @Override
    public String lookup(Execution self, String name) {
        return self.node().names().lookup(name);
    }

    @Override
    public boolean unregister(Execution self, String name) {
        return self.node().names().unregister(name);
    }
}
