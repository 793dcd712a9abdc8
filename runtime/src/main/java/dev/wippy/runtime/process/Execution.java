package dev.wippy.runtime.process;

import dev.wippy.lua.vm.LuaState;
import dev.wippy.runtime.channel.Channel;
import dev.wippy.runtime.errors.ErrorObject;
import dev.wippy.runtime.sched.Killed;
import dev.wippy.runtime.sched.Scheduler;
import dev.wippy.runtime.values.Frozen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something that runs Lua code with a PID: a process, or a function invocation. Owns a Lua state, a scheduler for
 * its fibers, a mailbox routed to its inbox, events and listener channels, and its relations to other executions
 * (monitors, links, names). Everything mutable is guarded by the scheduler's lock.
 */
public abstract class Execution implements Scheduler.Owner {
    /**
     * What unwinds the fibers left at a normal exit. One instance for all: it has no stack trace, no cause and no
     * suppressed exceptions, so nothing about it differs between exits, and one exit per function call made
     * allocating it a measurable cost.
     */
    private static final Killed ENDED = new Killed("execution ended", null);

    protected final Node node;
    protected final String pid;
    protected final String entryId;
    protected final Scheduler scheduler;
    protected LuaState state;

    private final ArrayDeque<Object> mailbox = new ArrayDeque<>(2);
    // made on first use (lock held): a function call or a process that never receives would allocate them for
    // nothing, and a call allocating them was a measurable part of funcs.call
    private Channel inbox;
    private Channel events;
    private Map<String, Listener> listeners;
    // created on first use: most processes are never monitored or linked
    private Set<String> monitoredBy = Set.of();
    private Set<String> links = Set.of();
    private List<String> names;
    private boolean trapLinks;
    private boolean alive = true;
    private final Map<String, Object> context;
    /** Run once at exit: resources owned by the execution, such as its timers. */
    private Set<Runnable> exitHooks;
    /** Run when a CANCEL event arrives: what the execution's context owns, such as its function calls. */
    private Set<Runnable> cancelHooks;

    /** A topic subscription: where its messages go and whether as message objects or raw data. */
    record Listener(Channel channel, boolean messages) {}

    protected Execution(Node node, String pid, String entryId, Scheduler scheduler, Map<String, Object> context) {
        this.node = node;
        this.pid = pid;
        this.entryId = entryId;
        this.scheduler = scheduler;
        this.context = context;
        scheduler.onBeforeBlock(this::routeMailbox);
    }

    /** The execution a state belongs to. */
    public static Execution of(LuaState s) {
        return s.embedderData() instanceof Execution e ? e : null;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    public String pid() {
        return pid;
    }

    public String entryId() {
        return entryId;
    }

    public Node node() {
        return node;
    }

    public LuaState state() {
        return state;
    }

    /** Binds the execution's Lua state (done once, by its code on its own thread). */
    public void attachState(LuaState s) {
        this.state = s;
    }

    /** Context values (spec 03 §3.4), frozen. */
    public Map<String, Object> context() {
        return context;
    }

    /** What the {@code process} functions do for this execution: act on the node (a workflow records instead). */
    public ProcessActions actions() {
        return NodeActions.INSTANCE;
    }

    public Channel inbox() {
        scheduler.lock.lock();
        try {
            return inboxLocked();
        } finally {
            scheduler.lock.unlock();
        }
    }

    public Channel events() {
        scheduler.lock.lock();
        try {
            return eventsLocked();
        } finally {
            scheduler.lock.unlock();
        }
    }

    private Channel inboxLocked() {
        if (inbox == null) {
            inbox = Channel.runtimeFed(scheduler);
        }
        return inbox;
    }

    private Channel eventsLocked() {
        if (events == null) {
            events = Channel.runtimeFed(scheduler);
        }
        return events;
    }

    // ---------------------------------------------------------------- delivery

    /** Accepts a message or event from any thread; false when this execution has exited. */
    public boolean deliver(Object item) {
        List<Runnable> cancelled = null;
        scheduler.lock.lock();
        try {
            if (!alive) {
                return false;
            }
            mailbox.add(item);
            if (scheduler.isBlocked()) {
                routeMailbox();
            }
            if (item instanceof Event ev && ev.kind().equals(Event.CANCEL) && cancelHooks != null) {
                cancelled = List.copyOf(cancelHooks);
                cancelHooks = null;
            }
        } finally {
            scheduler.lock.unlock();
        }
        if (cancelled != null) {
            cancelled.forEach(Runnable::run);
        }
        return true;
    }

    /**
     * Routes {@code items} (messages and events) at once, in order, whatever runs: for a driver that holds the
     * execution at a quiescent point and hands it everything that arrived there (a workflow step, spec 05 §4.4).
     */
    public void routeNow(List<?> items) {
        scheduler.lock.lock();
        try {
            if (alive) {
                mailbox.addAll(items);
                routeMailbox();
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Runs {@code hook} when this execution is cancelled (a CANCEL event), unless removed before. */
    public void onCancel(Runnable hook) {
        scheduler.lock.lock();
        try {
            if (cancelHooks == null) {
                cancelHooks = new LinkedHashSet<>(2);
            }
            cancelHooks.add(hook);
        } finally {
            scheduler.lock.unlock();
        }
    }

    public void removeCancelHook(Runnable hook) {
        scheduler.lock.lock();
        try {
            if (cancelHooks != null) {
                cancelHooks.remove(hook);
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Routes pending mailbox items to channels; runs when the execution blocks (lock held). */
    private void routeMailbox() {
        Object item;
        while ((item = mailbox.poll()) != null) {
            if (item instanceof Message m) {
                Listener l = listeners == null ? null : listeners.get(m.topic());
                if (l == null) {
                    inboxLocked().deliverLocked(m);
                } else {
                    l.channel().deliverLocked(l.messages() ? m : Frozen.thaw(m.payload().frozen()));
                }
            } else {
                eventsLocked().deliverLocked(((Event) item).toLua());
            }
        }
    }

    /** {@code process.listen(topic)}: the same channel while subscribed; the first call's mode is kept. */
    public Channel listen(String topic, boolean messages) {
        scheduler.lock.lock();
        try {
            if (listeners == null) {
                listeners = new HashMap<>();
            }
            return listeners.computeIfAbsent(topic, t -> new Listener(Channel.runtimeFed(scheduler), messages))
                    .channel();
        } finally {
            scheduler.lock.unlock();
        }
    }

    /**
     * The global {@code subscribe(topic, ch)}: messages on {@code topic} go to a channel of the caller's own, as raw
     * data. False when another channel already has the topic, so no message is silently taken from it.
     */
    public boolean route(String topic, Channel ch) {
        scheduler.lock.lock();
        try {
            if (listeners == null) {
                listeners = new HashMap<>();
            }
            return listeners.computeIfAbsent(topic, t -> new Listener(ch, false)).channel() == ch;
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Removes the subscription owning {@code ch}; false if it is not one of this execution's listeners. */
    public boolean unlisten(Channel ch) {
        scheduler.lock.lock();
        try {
            if (listeners != null) {
                for (Map.Entry<String, Listener> e : listeners.entrySet()) {
                    if (e.getValue().channel() == ch) {
                        listeners.remove(e.getKey());
                        ch.clearLocked();
                        return true;
                    }
                }
            }
            return false;
        } finally {
            scheduler.lock.unlock();
        }
    }

    // ---------------------------------------------------------------- relations

    /** Registers {@code watcher} as a monitor; false if this execution has exited. */
    boolean addMonitor(String watcher) {
        scheduler.lock.lock();
        try {
            if (alive && monitoredBy.isEmpty()) {
                monitoredBy = new LinkedHashSet<>(2);
            }
            return alive && (monitoredBy.add(watcher) || true);
        } finally {
            scheduler.lock.unlock();
        }
    }

    void removeMonitor(String watcher) {
        scheduler.lock.lock();
        try {
            if (!monitoredBy.isEmpty()) {
                monitoredBy.remove(watcher);
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Adds one side of a link; false if this execution has exited. */
    boolean addLink(String peer) {
        scheduler.lock.lock();
        try {
            if (alive && links.isEmpty()) {
                links = new LinkedHashSet<>(2);
            }
            return alive && (links.add(peer) || true);
        } finally {
            scheduler.lock.unlock();
        }
    }

    void removeLink(String peer) {
        scheduler.lock.lock();
        try {
            if (!links.isEmpty()) {
                links.remove(peer);
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    public boolean trapLinks() {
        return trapLinks;
    }

    public void setTrapLinks(boolean trap) {
        trapLinks = trap;
    }

    void rememberName(String name) {
        scheduler.lock.lock();
        try {
            if (names == null) {
                names = new ArrayList<>(1);
            }
            names.add(name);
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** This execution as it is now (see {@link ExecutionView}); {@code host} is given by the caller. */
    public ExecutionView view(String host) {
        scheduler.lock.lock();
        try {
            return new ExecutionView(pid, entryId, host, mailbox.size() + buffered(inbox)
                    + buffered(events), List.copyOf(monitoredBy), List.copyOf(links),
                    names == null ? List.of() : List.copyOf(names), scheduler.isBlocked(), alive);
        } finally {
            scheduler.lock.unlock();
        }
    }

    private static int buffered(Channel channel) {
        return channel == null ? 0 : channel.bufferedLocked();
    }

    public boolean isAlive() {
        scheduler.lock.lock();
        try {
            return alive;
        } finally {
            scheduler.lock.unlock();
        }
    }

    // ---------------------------------------------------------------- ending

    /** Forgets a hook given to {@link #onExit} (the resource it cleans up is gone already). */
    public void removeExitHook(Runnable hook) {
        scheduler.lock.lock();
        try {
            if (exitHooks != null) {
                exitHooks.remove(hook);
            }
        } finally {
            scheduler.lock.unlock();
        }
    }

    /** Runs {@code hook} when this execution exits, or at once if it already has. */
    public void onExit(Runnable hook) {
        scheduler.lock.lock();
        try {
            if (alive) {
                if (exitHooks == null) {
                    exitHooks = new LinkedHashSet<>(2);
                }
                exitHooks.add(hook);
                return;
            }
        } finally {
            scheduler.lock.unlock();
        }
        hook.run();
    }

    /** Forced stop (spec 02 §2.5): no more Lua code runs; the result is abnormal with {@code error}. */
    public void terminate(ErrorObject error) {
        scheduler.kill(new Killed("terminated", error));
    }

    /**
     * The exit sequence of spec 02 §1.4, after the result is fixed: abandon the other fibers, release names,
     * notify links (first) and monitors, then drop the mailbox.
     */
    protected void exit(ExitResult result) {
        Set<String> linked;
        Set<String> watchers;
        List<String> ownNames;
        Set<Runnable> hooks;
        scheduler.lock.lock();
        try {
            alive = false;
            hooks = exitHooks;
            exitHooks = null;
            cancelHooks = null;
            linked = links;
            watchers = monitoredBy;
            ownNames = names;
            links = Set.of();
            monitoredBy = Set.of();
        } finally {
            scheduler.lock.unlock();
        }
        scheduler.finish(ENDED);
        if (hooks != null) {
            hooks.forEach(Runnable::run);
        }
        if (ownNames != null) {
            for (String n : ownNames) {
                node.names().releaseIfOwner(n, pid);
            }
        }
        for (String peer : linked) {
            Execution p = node.find(peer);
            if (p != null) {
                p.removeLink(pid);
                if (result.isAbnormal()) {
                    p.linkedPeerFailed(pid, result);
                }
            }
        }
        for (String watcher : watchers) {
            Execution w = node.find(watcher);
            if (w != null) {
                w.deliver(new Event(Event.EXIT, pid, result, null));
            }
        }
        node.remove(this);
        scheduler.lock.lock();
        try {
            mailbox.clear();
        } finally {
            scheduler.lock.unlock();
        }
    }

    private void linkedPeerFailed(String peer, ExitResult result) {
        if (trapLinks) {
            deliver(new Event(Event.LINK_DOWN, peer, result, null));
        } else {
            terminate(ErrorObject.of(ErrorObject.CANCELED, "linked process " + peer + " failed: "
                    + (result.error() == null ? "" : result.error().message())));
        }
    }
}
