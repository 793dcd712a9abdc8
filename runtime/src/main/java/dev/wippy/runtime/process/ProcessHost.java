package dev.wippy.runtime.process;

/**
 * A {@code process.host}: runs any number of processes, at most {@code workers} of them at the same moment, each
 * within {@code maxMemory} bytes unless its spawn says otherwise (0: no limit).
 */
public final class ProcessHost extends BaseHost {
    private final long maxMemory;

    public ProcessHost(String id, int workers) {
        this(id, workers, 0);
    }

    public ProcessHost(String id, int workers, long maxMemory) {
        super(id, workers);
        this.maxMemory = maxMemory;
    }

    @Override
    public long maxMemory() {
        return maxMemory;
    }

    @Override
    public void admit(ProcessExecution process) {
        // every process is welcome; the slots bound how many run at once
    }
}
