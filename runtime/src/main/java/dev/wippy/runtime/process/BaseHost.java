package dev.wippy.runtime.process;

import dev.wippy.runtime.sched.HostSlots;

/** What every host has: an ID, worker slots, and whether it accepts processes. */
public abstract class BaseHost implements Host {
    private final String id;
    private final HostSlots slots;
    private volatile boolean running;

    protected BaseHost(String id, int workers) {
        this.id = id;
        this.slots = new HostSlots(workers);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public HostSlots slots() {
        return slots;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public void start() {
        running = true;
    }

    public void stop() {
        running = false;
    }
}
