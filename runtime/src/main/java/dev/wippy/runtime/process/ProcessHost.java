package dev.wippy.runtime.process;

import dev.wippy.runtime.sched.HostSlots;

/** A {@code process.host}: runs any number of processes, at most {@code workers} of them at the same moment. */
public final class ProcessHost implements Host {
    private final String id;
    private final HostSlots slots;
    private volatile boolean running;

    public ProcessHost(String id, int workers) {
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

    @Override
    public void admit(ProcessExecution process) {
        // every process is welcome; the slots bound how many run at once
    }
}
